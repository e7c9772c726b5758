namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Sites bucketed into a regular lon/lat grid of <see cref="CellDegrees"/> cells (ascending site index inside each
/// cell), so that a distance filter visits only the cells near a rupture instead of every site. Built once per site set
/// (an event-based tile); longitudes as given (a query box that crosses ±180° is not answered: callers fall back to a
/// full scan).
/// </summary>
internal sealed class SiteGridIndex
{
    private readonly int[] _start;
    private readonly int[] _items;
    private readonly double[] _itemLon, _itemLat;
    private readonly double _minLon, _minLat;
    private readonly int _nx, _ny;

    public SiteGridIndex(double[] lon, double[] lat, double cellDegrees = 0.5)
    {
        CellDegrees = cellDegrees;
        var n = lon.Length;
        if (n == 0) { _start = [0]; _items = []; _itemLon = []; _itemLat = []; _nx = _ny = 0; return; }
        _minLon = lon.Min();
        _minLat = lat.Min();
        _nx = (int)Math.Floor((lon.Max() - _minLon) / cellDegrees) + 1;
        _ny = (int)Math.Floor((lat.Max() - _minLat) / cellDegrees) + 1;
        if ((long)_nx * _ny > 4_000_000) throw new ArgumentException($"site extent too large for a {cellDegrees}° grid index");
        var cellOf = new int[n];
        _start = new int[_nx * _ny + 1];
        for (var i = 0; i < n; i++)
        {
            var cx = Math.Min(_nx - 1, (int)((lon[i] - _minLon) / cellDegrees));
            var cy = Math.Min(_ny - 1, (int)((lat[i] - _minLat) / cellDegrees));
            cellOf[i] = cy * _nx + cx;
            _start[cellOf[i] + 1]++;
        }
        for (var c = 0; c < _nx * _ny; c++) _start[c + 1] += _start[c];
        var fill = (int[])_start.Clone();
        _items = new int[n];
        for (var i = 0; i < n; i++) _items[fill[cellOf[i]]++] = i;
        _itemLon = new double[n];
        _itemLat = new double[n];
        for (var k = 0; k < n; k++)
        {
            _itemLon[k] = lon[_items[k]];
            _itemLat[k] = lat[_items[k]];
        }
    }

    public double CellDegrees { get; }

    /// <summary>The cell range covering the box [lon0, lon1] × [lat0, lat1]; false when the box crosses ±180° longitude.</summary>
    public bool TryRange(double lon0, double lon1, double lat0, double lat1, out int x0, out int x1, out int y0, out int y1)
    {
        x0 = x1 = y0 = y1 = 0;
        if (lon0 < -180 || lon1 > 180 || !double.IsFinite(lon0) || !double.IsFinite(lon1)) return false;
        x0 = Math.Max(0, (int)Math.Floor((lon0 - _minLon) / CellDegrees));
        x1 = Math.Min(_nx - 1, (int)Math.Floor((lon1 - _minLon) / CellDegrees));
        y0 = Math.Max(0, (int)Math.Floor((lat0 - _minLat) / CellDegrees));
        y1 = Math.Min(_ny - 1, (int)Math.Floor((lat1 - _minLat) / CellDegrees));
        return true;
    }

    /// <summary>
    /// The cells <paramref name="x0"/> .. <paramref name="x1"/> of row <paramref name="cy"/> as one range [from, to) of
    /// <see cref="Items"/> (cells are stored row by row, so a row's run of cells is contiguous, in the order of <see cref="Cell"/>).
    /// </summary>
    public (int From, int To) RowRange(int cy, int x0, int x1) => (_start[cy * _nx + x0], _start[cy * _nx + x1 + 1]);

    /// <summary>Site indices, cell by cell (row-major cells, ascending index inside a cell).</summary>
    public ReadOnlySpan<int> Items => _items;
    /// <summary>Longitudes of <see cref="Items"/> (copies of the arrays the index was built on, in item order), degrees.</summary>
    public ReadOnlySpan<double> ItemLon => _itemLon;
    /// <summary>Latitudes of <see cref="Items"/>, degrees.</summary>
    public ReadOnlySpan<double> ItemLat => _itemLat;

    /// <summary>Sites of cell (cx, cy).</summary>
    public ReadOnlySpan<int> Cell(int cx, int cy) => _items.AsSpan(_start[cy * _nx + cx], _start[cy * _nx + cx + 1] - _start[cy * _nx + cx]);
}
