namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Azimuthal equidistant projection about an origin (spherical Earth, R = 6371 km): a site maps to
/// (x, y) = d·(sin az, cos az), with d its great-circle distance (km) and az its azimuth from the origin.
/// Distances from the origin are exact; distances between sites within a few hundred km of it are within about 1 %
/// (used for neighbour searches and planar kernels; the geodesic kernels use exact great-circle distances).
/// Own helper of the correlation module (no shared projection type existed when it was written).
/// </summary>
public sealed class LocalTangentProjection
{
    private const double D2R = Math.PI / 180.0;
    private readonly double _sinLat0, _cosLat0;

    public LocalTangentProjection(double originLon, double originLat)
    {
        OriginLon = originLon;
        OriginLat = originLat;
        _sinLat0 = Math.Sin(originLat * D2R);
        _cosLat0 = Math.Cos(originLat * D2R);
    }

    public double OriginLon { get; }
    public double OriginLat { get; }

    /// <summary>Projection centred on the mean of the sites' geocentric unit vectors.</summary>
    public static LocalTangentProjection CentredOn(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat)
    {
        if (lon.Length == 0) return new LocalTangentProjection(0, 0);
        double sx = 0, sy = 0, sz = 0;
        for (var k = 0; k < lon.Length; k++)
        {
            var cl = Math.Cos(lat[k] * D2R);
            sx += cl * Math.Cos(lon[k] * D2R);
            sy += cl * Math.Sin(lon[k] * D2R);
            sz += Math.Sin(lat[k] * D2R);
        }
        var lon0 = Math.Atan2(sy, sx) / D2R;
        var lat0 = Math.Atan2(sz, Math.Sqrt(sx * sx + sy * sy)) / D2R;
        return new LocalTangentProjection(lon0, lat0);
    }

    /// <summary>Projects one point; returns (x east, y north), km.</summary>
    public (double X, double Y) Project(double lon, double lat)
    {
        var phi = lat * D2R;
        var dl = (lon - OriginLon) * D2R;
        double sinPhi = Math.Sin(phi), cosPhi = Math.Cos(phi);
        var cosC = Math.Clamp(_sinLat0 * sinPhi + _cosLat0 * cosPhi * Math.Cos(dl), -1.0, 1.0);
        var c = Math.Acos(cosC);
        if (c < 1e-12) return (0, 0);
        var k = c / Math.Sin(c) * QuakeGrid.Core.Geometry.Geodesy.EarthRadiusKm;
        var x = k * cosPhi * Math.Sin(dl);
        var y = k * (_cosLat0 * sinPhi - _sinLat0 * cosPhi * Math.Cos(dl));
        return (x, y);
    }
}
