using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Geometry;

/// <summary>
/// A rupture surface made of several <see cref="PlanarSurface"/>s (OpenQuake <c>multiPlanesRupture</c> / MultiSurface).
/// Rjb and Rrup are the minimum over the planes. Rx and Ry0 use GC2 (Spudich &amp; Chiou 2015, see <see cref="Gc2"/>), as OpenQuake's
/// MultiSurface does, over the planes' top edges taken in the given order as one polyline. Strike is the area-weighted circular
/// mean of the planes' strikes, Dip and Width the area-weighted means, ZTor the minimum (OpenQuake MultiSurface).
/// With one plane every distance equals that plane's own.
/// </summary>
public sealed class MultiPlanarSurface : IRuptureSurface
{
    private readonly PlanarSurface[] _planes;
    private readonly LocalProjection _projection;
    private readonly PlaneKernel[] _kernels;
    private readonly Gc2 _gc2;

    public MultiPlanarSurface(IReadOnlyList<PlanarSurface> planes)
    {
        ArgumentNullException.ThrowIfNull(planes);
        if (planes.Count == 0) throw new ArgumentException("a multi-planar surface needs at least one plane");
        _planes = planes.ToArray();
        var corners = _planes.SelectMany(p => p.Corners).ToArray();
        var (clon, clat) = PlanarSurface.Centre(corners);
        _projection = new LocalProjection(clon, clat);
        _kernels = _planes.Select(p => p.KernelFor(_projection)).ToArray();
        var segments = new List<(double, double, double, double)>();
        foreach (var p in _planes)
        {
            var (x0, y0) = _projection.Project(p.TopLeft.Lon, p.TopLeft.Lat);
            var (x1, y1) = _projection.Project(p.TopRight.Lon, p.TopRight.Lat);
            segments.Add((x0, y0, x1, y1));
        }
        _gc2 = new Gc2(segments);

        double sa = 0, ss = 0, sc = 0, sd = 0, sw = 0;
        foreach (var p in _planes)
        {
            var a = p.Area;
            sa += a;
            ss += a * Math.Sin(p.Strike * Math.PI / 180);
            sc += a * Math.Cos(p.Strike * Math.PI / 180);
            sd += a * p.Dip;
            sw += a * p.Width;
        }
        var strike = Math.Atan2(ss / sa, sc / sa) * 180 / Math.PI;
        Strike = strike < 0 ? strike + 360 : strike;
        Dip = sd / sa;
        Width = sw / sa;
        Area = sa;
        ZTor = _planes.Min(p => p.ZTor);
        var edge = new List<GeoPoint>();
        foreach (var p in _planes)
        {
            if (edge.Count == 0 || edge[^1] != p.TopLeft) edge.Add(p.TopLeft);
            edge.Add(p.TopRight);
        }
        TopEdge = edge;
    }

    /// <summary>The planes, in order.</summary>
    public IReadOnlyList<PlanarSurface> Planes => _planes;
    /// <summary>Area-weighted circular mean strike, degrees in [0, 360).</summary>
    public double Strike { get; }
    /// <summary>Area-weighted mean dip, degrees.</summary>
    public double Dip { get; }
    /// <summary>Shallowest top edge, km.</summary>
    public double ZTor { get; }
    /// <summary>Area-weighted mean width, km.</summary>
    public double Width { get; }
    /// <summary>Summed area, km².</summary>
    public double Area { get; }
    /// <summary>Top edges of the planes joined in order (shared end points once).</summary>
    public IReadOnlyList<GeoPoint> TopEdge { get; }
    /// <summary>GC2 length of the top-edge polyline (surface projection), km.</summary>
    public double TopEdgeLength => _gc2.TotalLength;

    /// <summary>
    /// Fills Rjb, Rrup (minimum over planes; see <see cref="PlanarSurface.ComputeDistances"/> for accuracy), Rx (GC2 T) and Ry0
    /// (from GC2 U) for the sites, with no allocation per site.
    /// </summary>
    public void ComputeDistances(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
        => SiteDistanceLoop.Run(_projection, new SiteKernel(_kernels, _gc2), lon, lat, into);

    /// <summary>
    /// Rjb and Rrup (km) only, bit-identical to those of <see cref="ComputeDistances"/> (same minimum over the planes; the GC2
    /// coordinates are not formed).
    /// </summary>
    public void ComputeRjbRrup(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> rjb, Span<double> rrup)
        => SiteDistanceLoop.RunRjbRrup(_projection, new SiteKernel(_kernels, _gc2), lon, lat, rjb, rrup);

    /// <summary>As <see cref="ComputeRjbRrup(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/> with SIMD steps of at most <paramref name="lanes"/> sites (8, 4 or 1): the same bits (tests).</summary>
    internal void ComputeRjbRrup(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> rjb, Span<double> rrup, int lanes)
        => SiteDistanceLoop.RunRjbRrup(_projection, new SiteKernel(_kernels, _gc2), lon, lat, rjb, rrup, lanes);

    /// <summary>Scalar reference path of <see cref="ComputeDistances"/> (tests).</summary>
    internal void ComputeDistancesScalar(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
        => SiteDistanceLoop.RunScalar(_projection, new SiteKernel(_kernels, _gc2), lon, lat, into);

    /// <summary>Rjb and Rrup as the minimum over the planes; T and U from GC2 over the top-edge polyline.</summary>
    private readonly struct SiteKernel(PlaneKernel[] kernels, Gc2 gc2) : ISiteDistanceKernel
    {
        public double AlongStrikeLength => gc2.TotalLength;

        public void Distances(double x, double y, double cx, double cy, double cz, out double rjb2, out double rrup2, out double t, out double u)
        {
            RjbRrup(x, y, cx, cy, cz, out rjb2, out rrup2);
            gc2.Coordinates(x, y, out t, out u);
        }

        public void Distances(Vector256<double> x, Vector256<double> y, Vector256<double> cx, Vector256<double> cy, Vector256<double> cz,
            out Vector256<double> rjb2, out Vector256<double> rrup2, out Vector256<double> t, out Vector256<double> u)
        {
            RjbRrup(x, y, cx, cy, cz, out rjb2, out rrup2);
            gc2.Coordinates(x, y, out t, out u);
        }

        public void RjbRrup(double x, double y, double cx, double cy, double cz, out double rjb2, out double rrup2)
        {
            double jb2 = double.MaxValue, rup2 = double.MaxValue;
            foreach (var k in kernels)
            {
                jb2 = Math.Min(jb2, k.Rjb2(x, y));
                rup2 = Math.Min(rup2, k.Rrup2(cx, cy, cz));
            }
            rjb2 = jb2;
            rrup2 = rup2;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RjbRrup(Vector256<double> x, Vector256<double> y, Vector256<double> cx, Vector256<double> cy, Vector256<double> cz,
            out Vector256<double> rjb2, out Vector256<double> rrup2)
        {
            var jb2 = kernels[0].Rjb2(x, y);
            var rup2 = kernels[0].Rrup2(cx, cy, cz);
            for (var q = 1; q < kernels.Length; q++)
            {
                jb2 = Vector256.Min(jb2, kernels[q].Rjb2(x, y));
                rup2 = Vector256.Min(rup2, kernels[q].Rrup2(cx, cy, cz));
            }
            rjb2 = jb2;
            rrup2 = rup2;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RjbRrup(Vector512<double> x, Vector512<double> y, Vector512<double> cx, Vector512<double> cy, Vector512<double> cz,
            out Vector512<double> rjb2, out Vector512<double> rrup2)
        {
            var jb2 = kernels[0].Rjb2(x, y);
            var rup2 = kernels[0].Rrup2(cx, cy, cz);
            for (var q = 1; q < kernels.Length; q++)
            {
                jb2 = Vector512.Min(jb2, kernels[q].Rjb2(x, y));
                rup2 = Vector512.Min(rup2, kernels[q].Rrup2(cx, cy, cz));
            }
            rjb2 = jb2;
            rrup2 = rup2;
        }
    }
}
