namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Square cells of side <c>cellKm</c> over target sites in an equirectangular frame about their mean position:
/// the cell key of each target, the targets sorted by key (row by row), and the query point (cell centre) of a target.
/// With <c>cellKm</c> ≤ 0 every target is its own cell and queries at its own position.
/// </summary>
internal sealed class TargetCells
{
    private const double KmPerDegree = Math.PI / 180.0 * Geometry.Geodesy.EarthRadiusKm;
    private readonly double[] _lon, _lat;
    private readonly double _lon0, _lat0, _cosLat0, _cell;

    public TargetCells(double[] lon, double[] lat, double cellKm)
    {
        _lon = lon; _lat = lat; _cell = cellKm;
        var n = lon.Length;
        Key = new long[n];
        Order = new int[n];
        for (var j = 0; j < n; j++) Order[j] = j;
        if (n == 0) return;
        _lat0 = lat.Average();
        _lon0 = lon[0];
        _cosLat0 = Math.Cos(_lat0 * Math.PI / 180.0);
        if (cellKm <= 0)
        {
            for (var j = 0; j < n; j++) Key[j] = j;
            return;
        }
        for (var j = 0; j < n; j++)
        {
            var (x, y) = Xy(lon[j], lat[j]);
            var ix = (long)Math.Floor(x / cellKm);
            var iy = (long)Math.Floor(y / cellKm);
            Key[j] = (iy + (1L << 30)) * (1L << 31) + (ix + (1L << 30));
        }
        var keys = (long[])Key.Clone();
        Array.Sort(keys, Order);
    }

    /// <summary>Cell key of each target.</summary>
    public long[] Key { get; }
    /// <summary>Target indices sorted by cell key.</summary>
    public int[] Order { get; }

    /// <summary>Where target <paramref name="j"/> queries its nearest stations: its cell centre (or itself without cells).</summary>
    public (double Lon, double Lat) QueryPoint(int j)
    {
        if (_cell <= 0) return (_lon[j], _lat[j]);
        var (x, y) = Xy(_lon[j], _lat[j]);
        var cx = (Math.Floor(x / _cell) + 0.5) * _cell;
        var cy = (Math.Floor(y / _cell) + 0.5) * _cell;
        return (_lon0 + cx / (KmPerDegree * _cosLat0), _lat0 + cy / KmPerDegree);
    }

    private (double X, double Y) Xy(double lon, double lat)
    {
        var dl = lon - _lon0;
        dl -= 360.0 * Math.Round(dl / 360.0);
        return (dl * KmPerDegree * _cosLat0, (lat - _lat0) * KmPerDegree);
    }
}
