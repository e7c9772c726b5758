namespace QuakeGrid.Core.Geometry;

/// <summary>
/// OpenQuake <c>simpleFaultGeometry</c>: a horizontal trace (at the depth of its points, normally 0), a dip, and upper and lower
/// seismogenic depths. As in OpenQuake's <c>SimpleFaultSurface.from_fault_data</c>, the whole fault dips towards the azimuth
/// strike + 90°, where strike is the azimuth from the first to the last trace point (Aki-Richards: dipping to the right), and a
/// point of the trace at depth z lies (z − trace depth) / tan(dip) km from the trace along that azimuth.
/// </summary>
public sealed class SimpleFaultGeometry
{
    private readonly GeoPoint[] _trace;

    public SimpleFaultGeometry(IReadOnlyList<GeoPoint> trace, double dipDeg, double upperDepthKm, double lowerDepthKm)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Count < 2) throw new ArgumentException("the fault trace must have at least two points");
        for (var i = 0; i < trace.Count; i++)
        {
            var p = trace[i];
            if (!double.IsFinite(p.Lon) || !double.IsFinite(p.Lat) || !double.IsFinite(p.Depth) || p.Lat < -90 || p.Lat > 90)
                throw new ArgumentException($"fault trace point {i + 1} ({p.Lon}, {p.Lat}, {p.Depth}) is not a valid lon/lat/depth");
            if (p.Depth != trace[0].Depth) throw new ArgumentException($"the fault trace must be horizontal (point {i + 1} depth {p.Depth} km differs from {trace[0].Depth} km)");
            if (i > 0 && Geodesy.DistanceKm(trace[i - 1].Lon, trace[i - 1].Lat, p.Lon, p.Lat) < 1e-6)
                throw new ArgumentException($"fault trace points {i} and {i + 1} coincide");
        }
        PlanarSurface.CheckDip(dipDeg);
        if (!double.IsFinite(upperDepthKm) || !double.IsFinite(lowerDepthKm) || !(lowerDepthKm > upperDepthKm))
            throw new ArgumentException($"lower seismogenic depth {lowerDepthKm} km must be greater than upper seismogenic depth {upperDepthKm} km");
        if (upperDepthKm < trace[0].Depth)
            throw new ArgumentException($"upper seismogenic depth {upperDepthKm} km must not be above the trace depth {trace[0].Depth} km");
        _trace = trace.ToArray();
        DipDeg = dipDeg;
        UpperDepthKm = upperDepthKm;
        LowerDepthKm = lowerDepthKm;
        Strike = Geodesy.AzimuthDeg(_trace[0].Lon, _trace[0].Lat, _trace[^1].Lon, _trace[^1].Lat);
        DipAzimuth = (Strike + 90.0) % 360.0;
        var (clon, clat) = PlanarSurface.Centre(_trace);
        Projection = new LocalProjection(clon, clat);
        CheckSelfIntersection();
    }

    /// <summary>Trace points.</summary>
    public IReadOnlyList<GeoPoint> Trace => _trace;
    /// <summary>Dip, degrees.</summary>
    public double DipDeg { get; }
    /// <summary>Upper seismogenic depth, km.</summary>
    public double UpperDepthKm { get; }
    /// <summary>Lower seismogenic depth, km.</summary>
    public double LowerDepthKm { get; }
    /// <summary>Azimuth first → last trace point, degrees.</summary>
    public double Strike { get; }
    /// <summary>Azimuth towards which the fault dips (strike + 90°), degrees.</summary>
    public double DipAzimuth { get; }
    /// <summary>Depth of the trace, km.</summary>
    public double TraceDepthKm => _trace[0].Depth;
    /// <summary>Down-dip width between the seismogenic depths, (lower − upper) / sin(dip), km.</summary>
    public double WidthKm => (LowerDepthKm - UpperDepthKm) / Math.Sin(DipDeg * Math.PI / 180.0);

    internal LocalProjection Projection { get; }

    /// <summary>The point of the fault at <paramref name="depthKm"/> below the trace position (lon, lat).</summary>
    public GeoPoint AtDepth(double lon, double lat, double depthKm)
    {
        var h = (depthKm - TraceDepthKm) / Math.Tan(DipDeg * Math.PI / 180.0);
        if (h == 0) return new GeoPoint(lon, lat, depthKm);
        var (lo, la) = Geodesy.PointAt(lon, lat, DipAzimuth, h);
        return new GeoPoint(lo, la, depthKm);
    }

    /// <summary>
    /// The whole fault as one plane per trace segment (corners from the segment ends at the upper and lower seismogenic depths;
    /// segments longer than <see cref="MaxPlaneLengthKm"/> split into collinear pieces): a <see cref="PlanarSurface"/> when that
    /// gives one plane, otherwise a <see cref="MultiPlanarSurface"/>.
    /// </summary>
    public IRuptureSurface ToSurface() => BuildSurface(_trace.Select(p => (p.Lon, p.Lat)).ToList(), UpperDepthKm, LowerDepthKm);

    /// <summary>
    /// Longest plane built along a trace segment, km. A plane is a flat chord of the curved Earth: over a length ℓ its middle sags
    /// ℓ²/(8R) below the nominal depth (0.38 km for 140 km), so longer segments are split into equal collinear pieces of at most
    /// this length (sag ≤ 8 m). GC2 Rx/Ry0 are unchanged by the split.
    /// </summary>
    public const double MaxPlaneLengthKm = 20.0;

    /// <summary>Planes between consecutive trace positions (lon, lat) from <paramref name="top"/> to <paramref name="bottom"/> km.</summary>
    internal IRuptureSurface BuildSurface(IReadOnlyList<(double Lon, double Lat)> path, double top, double bottom)
    {
        var pts = new List<(double Lon, double Lat)> { path[0] };
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var (a, b) = (path[i], path[i + 1]);
            var len = Geodesy.DistanceKm(a.Lon, a.Lat, b.Lon, b.Lat);
            var pieces = (int)Math.Ceiling(len / MaxPlaneLengthKm);
            if (pieces > 1)
            {
                var az = Geodesy.AzimuthDeg(a.Lon, a.Lat, b.Lon, b.Lat);
                for (var k = 1; k < pieces; k++) pts.Add(Geodesy.PointAt(a.Lon, a.Lat, az, len * k / pieces));
            }
            pts.Add(b);
        }
        var planes = new List<PlanarSurface>(pts.Count - 1);
        for (var i = 0; i + 1 < pts.Count; i++)
        {
            var (a, b) = (pts[i], pts[i + 1]);
            try
            {
                planes.Add(new PlanarSurface(AtDepth(a.Lon, a.Lat, top), AtDepth(b.Lon, b.Lat, top),
                    AtDepth(b.Lon, b.Lat, bottom), AtDepth(a.Lon, a.Lat, bottom)));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"simple fault: the plane of trace piece {i + 1} ({a.Lon}, {a.Lat}) → ({b.Lon}, {b.Lat}) is invalid: {ex.Message}", ex);
            }
        }
        return planes.Count == 1 ? planes[0] : new MultiPlanarSurface(planes);
    }

    /// <summary>
    /// OpenQuake-style simple-fault mesh with the given spacing (km): see <see cref="FaultMesh"/>.
    /// </summary>
    public FaultMesh Mesh(double spacingKm) => new(this, spacingKm);

    private void CheckSelfIntersection()
    {
        var n = _trace.Length;
        if (n < 4) return;
        var xy = _trace.Select(p => Projection.Project(p.Lon, p.Lat)).ToArray();
        for (var i = 0; i + 1 < n; i++)
        for (var j = i + 2; j + 1 < n; j++)
        {
            if (SegmentsCross(xy[i], xy[i + 1], xy[j], xy[j + 1]))
                throw new ArgumentException($"the fault trace intersects itself (segments {i + 1} and {j + 1})");
        }
    }

    private static bool SegmentsCross((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d)
    {
        static double Cross((double X, double Y) o, (double X, double Y) p, (double X, double Y) q) => (p.X - o.X) * (q.Y - o.Y) - (p.Y - o.Y) * (q.X - o.X);
        var d1 = Cross(c, d, a); var d2 = Cross(c, d, b); var d3 = Cross(a, b, c); var d4 = Cross(a, b, d);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }
}
