namespace QuakeGrid.Core.Geometry;

/// <summary>
/// A simple-fault mesh as OpenQuake builds it (<c>SimpleFaultSurface.from_fault_data</c>), for floating ruptures:
/// <list type="bullet">
/// <item>Columns: the trace resampled as OpenQuake's <c>Line.resample</c> (hazardlib ≥ 3.16) does: starting at the first
/// trace point, each next node is the point of the trace at straight-line distance <see cref="SpacingKm"/> from the previous one
/// (in a local azimuthal-equidistant plane); when the rest of the trace is shorter than that, one more node is added, along the
/// last segment's direction at the full spacing, if the remainder exceeds half the spacing. So nodes are spaced exactly
/// by the spacing and the mesh may end up to half a spacing before or beyond the trace end.</item>
/// <item>Rows: for each column, points from the upper seismogenic depth down the dip, exactly <see cref="SpacingKm"/> apart,
/// round(W / spacing) + 1 of them with W = (lower − upper) / sin(dip) rounded to 1 m and round-half-to-even, as OpenQuake's
/// <c>geodetic.intervals_between</c>; the last row may lie up to half a spacing above or below the lower seismogenic depth.</item>
/// </list>
/// Row r lies at depth upper + r · spacing · sin(dip). Node (r, c) = the column's trace point moved down-dip to that depth.
/// </summary>
public sealed class FaultMesh
{
    private readonly SimpleFaultGeometry _fault;
    private readonly (double Lon, double Lat)[] _columns;
    private readonly int[] _colSegment;   // trace segment index the column lies on
    private readonly double[] _colParam;  // distance along that segment, km (may exceed its length for an extrapolated end node)
    private readonly (double X, double Y)[] _traceXy;
    private readonly double[] _lon, _lat, _depth;

    internal FaultMesh(SimpleFaultGeometry fault, double spacingKm)
    {
        if (!(spacingKm > 0) || !double.IsFinite(spacingKm)) throw new ArgumentException($"mesh spacing {spacingKm} km must be positive");
        _fault = fault;
        SpacingKm = spacingKm;
        var proj = fault.Projection;
        _traceXy = fault.Trace.Select(p => proj.Project(p.Lon, p.Lat)).ToArray();
        var cols = new List<(double X, double Y)>();
        var segs = new List<int>();
        var pars = new List<double>();
        Resample(_traceXy, spacingKm, cols, segs, pars);
        _columns = cols.Select(c => proj.Unproject(c.X, c.Y)).ToArray();
        _colSegment = segs.ToArray();
        _colParam = pars.ToArray();

        var total = Math.Round(fault.WidthKm, 3, MidpointRounding.ToEven);
        var intervals = (int)Math.Round(total / spacingKm, MidpointRounding.ToEven);
        Rows = intervals + 1;
        Cols = _columns.Length;
        if (Rows < 2 || Cols < 2)
            throw new ArgumentException($"mesh spacing {spacingKm} km is too large for the fault (length gives {Cols} node(s) along strike, width {fault.WidthKm:F3} km gives {Rows} along dip); at least 2 × 2 are needed");
        _lon = new double[Rows * Cols];
        _lat = new double[Rows * Cols];
        _depth = new double[Rows * Cols];
        var sinDip = Math.Sin(fault.DipDeg * Math.PI / 180.0);
        for (var r = 0; r < Rows; r++)
        {
            var z = RowDepth(r, sinDip);
            for (var c = 0; c < Cols; c++)
            {
                var p = fault.AtDepth(_columns[c].Lon, _columns[c].Lat, z);
                var k = r * Cols + c;
                _lon[k] = p.Lon; _lat[k] = p.Lat; _depth[k] = z;
            }
        }
    }

    /// <summary>The fault this mesh discretises.</summary>
    public SimpleFaultGeometry Fault => _fault;
    /// <summary>Nodes along dip.</summary>
    public int Rows { get; }
    /// <summary>Nodes along strike.</summary>
    public int Cols { get; }
    /// <summary>Node spacing, km.</summary>
    public double SpacingKm { get; }

    /// <summary>Longitude of node (row, col), degrees.</summary>
    public double Lon(int row, int col) => _lon[Index(row, col)];
    /// <summary>Latitude of node (row, col), degrees.</summary>
    public double Lat(int row, int col) => _lat[Index(row, col)];
    /// <summary>Depth of node (row, col), km.</summary>
    public double Depth(int row, int col) => _depth[Index(row, col)];
    /// <summary>Node (row, col).</summary>
    public GeoPoint Node(int row, int col) { var k = Index(row, col); return new GeoPoint(_lon[k], _lat[k], _depth[k]); }

    /// <summary>
    /// The rupture surface of the patch of nodes rows row0 .. row0+nRows−1 and columns col0 .. col0+nCols−1 (both ≥ 2 nodes):
    /// its top edge follows the trace between the two end columns (through any trace vertex in between), one plane per piece
    /// of trace segment, from the depth of row row0 to that of the last row. A <see cref="PlanarSurface"/> when the patch lies on
    /// one trace segment and is at most <see cref="SimpleFaultGeometry.MaxPlaneLengthKm"/> long, otherwise a <see cref="MultiPlanarSurface"/>.
    /// </summary>
    public IRuptureSurface SubSurface(int row0, int col0, int nRows, int nCols)
    {
        if (nRows < 2 || nCols < 2) throw new ArgumentOutOfRangeException(nameof(nRows), $"a patch needs at least 2 × 2 nodes (got {nRows} × {nCols})");
        if (row0 < 0 || col0 < 0 || row0 + nRows > Rows || col0 + nCols > Cols)
            throw new ArgumentOutOfRangeException(nameof(row0), $"patch rows {row0}..{row0 + nRows - 1}, columns {col0}..{col0 + nCols - 1} exceed the mesh ({Rows} × {Cols})");
        var sinDip = Math.Sin(_fault.DipDeg * Math.PI / 180.0);
        var top = RowDepth(row0, sinDip);
        var bottom = RowDepth(row0 + nRows - 1, sinDip);
        var c1 = col0 + nCols - 1;
        var path = new List<(double Lon, double Lat)> { _columns[col0] };
        var proj = _fault.Projection;
        var (sx, sy) = proj.Project(_columns[col0].Lon, _columns[col0].Lat);
        var (ex, ey) = proj.Project(_columns[c1].Lon, _columns[c1].Lat);
        for (var j = _colSegment[col0] + 1; j <= _colSegment[c1]; j++)
        {
            // interior trace vertex j lies between the two end columns; skip it when within 1 m of either end
            var (vx, vy) = _traceXy[j];
            if (Math.Sqrt((vx - sx) * (vx - sx) + (vy - sy) * (vy - sy)) < 1e-3) continue;
            if (Math.Sqrt((vx - ex) * (vx - ex) + (vy - ey) * (vy - ey)) < 1e-3) continue;
            path.Add((_fault.Trace[j].Lon, _fault.Trace[j].Lat));
        }
        path.Add(_columns[c1]);
        return _fault.BuildSurface(path, top, bottom);
    }

    private double RowDepth(int r, double sinDip) => _fault.UpperDepthKm + r * SpacingKm * sinDip;

    private int Index(int row, int col)
    {
        if ((uint)row >= (uint)Rows || (uint)col >= (uint)Cols) throw new ArgumentOutOfRangeException(nameof(row), $"node ({row}, {col}) is outside the {Rows} × {Cols} mesh");
        return row * Cols + col;
    }

    /// <summary>Resampling of a polyline at a fixed chord length (see the class remarks).</summary>
    private static void Resample((double X, double Y)[] t, double sp, List<(double X, double Y)> outXy, List<int> outSeg, List<double> outPar)
    {
        var nseg = t.Length - 1;
        var px = t[0].X; var py = t[0].Y;
        var k = 0; var s0 = 0.0;
        outXy.Add((px, py)); outSeg.Add(0); outPar.Add(0.0);
        while (true)
        {
            var found = false;
            for (var j = k; j < nseg && !found; j++)
            {
                var (ax, ay) = t[j];
                var (bx, by) = t[j + 1];
                var l = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
                var dx = (bx - ax) / l; var dy = (by - ay) / l;
                // |A + s d − P|² = sp²  →  s² + 2 s b + c = 0
                var b = dx * (ax - px) + dy * (ay - py);
                var c = (ax - px) * (ax - px) + (ay - py) * (ay - py) - sp * sp;
                var disc = b * b - c;
                if (disc < 0) continue;
                var s = -b + Math.Sqrt(disc);
                var smin = j == k ? s0 : 0.0;
                if (s >= smin - 1e-9 && s <= l + 1e-9)
                {
                    px = ax + s * dx; py = ay + s * dy;
                    k = j; s0 = s;
                    outXy.Add((px, py)); outSeg.Add(j); outPar.Add(s);
                    found = true;
                }
            }
            if (found) continue;
            // the rest of the trace is within one spacing: extend along the last segment if the remainder exceeds half a spacing
            var (lx, ly) = t[nseg];
            var rem = Math.Sqrt((lx - px) * (lx - px) + (ly - py) * (ly - py));
            if (rem > sp / 2)
            {
                var (qx, qy) = t[nseg - 1];
                var ll = Math.Sqrt((lx - qx) * (lx - qx) + (ly - qy) * (ly - qy));
                px += sp * (lx - qx) / ll; py += sp * (ly - qy) / ll;
                // parameter along the last segment of the new node (beyond its length when extrapolated)
                var par = (px - qx) * (lx - qx) / ll + (py - qy) * (ly - qy) / ll;
                outXy.Add((px, py)); outSeg.Add(nseg - 1); outPar.Add(par);
            }
            break;
        }
    }
}
