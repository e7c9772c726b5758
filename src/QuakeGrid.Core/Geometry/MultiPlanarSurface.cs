using System.Runtime.InteropServices;
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
    {
        ArgumentNullException.ThrowIfNull(into);
        var n = lon.Length;
        if (lat.Length != n || into.Count != n) throw new ArgumentException("lon, lat and the distance set must have the same length");
        var rjb = into.Rjb.AsSpan();
        var rrup = into.Rrup.AsSpan();
        var rx = into.Rx.AsSpan();
        var ry0 = into.Ry0.AsSpan();
        var kernels = _kernels;
        var p = _projection;
        var total = _gc2.TotalLength;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rlon = ref MemoryMarshal.GetReference(lon);
            ref var rlat = ref MemoryMarshal.GetReference(lat);
            var vtot = Vector256.Create(total);
            var zero = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4)
            {
                if (!p.Site(Vector256.LoadUnsafe(ref rlon, (nuint)i), Vector256.LoadUnsafe(ref rlat, (nuint)i),
                        out var x, out var y, out var cx, out var cy, out var cz))
                {
                    for (var j = i; j < i + 4; j++) Scalar(j, lon, lat, rjb, rrup, rx, ry0);
                    continue;
                }
                var jb2 = kernels[0].Rjb2(x, y);
                var rup2 = kernels[0].Rrup2(cx, cy, cz);
                for (var q = 1; q < kernels.Length; q++)
                {
                    jb2 = Vector256.Min(jb2, kernels[q].Rjb2(x, y));
                    rup2 = Vector256.Min(rup2, kernels[q].Rrup2(cx, cy, cz));
                }
                Vector256.Sqrt(jb2).StoreUnsafe(ref rjb[0], (nuint)i);
                Vector256.Sqrt(rup2).StoreUnsafe(ref rrup[0], (nuint)i);
                _gc2.Coordinates(x, y, out var t, out var u);
                t.StoreUnsafe(ref rx[0], (nuint)i);
                Vector256.Max(Vector256.Max(-u, u - vtot), zero).StoreUnsafe(ref ry0[0], (nuint)i);
            }
        }
        for (; i < n; i++) Scalar(i, lon, lat, rjb, rrup, rx, ry0);
    }

    private void Scalar(int i, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> rjb, Span<double> rrup, Span<double> rx, Span<double> ry0)
    {
        _projection.Site(lon[i], lat[i], out var x, out var y, out var cx, out var cy, out var cz);
        double jb2 = double.MaxValue, rup2 = double.MaxValue;
        foreach (var k in _kernels)
        {
            jb2 = Math.Min(jb2, k.Rjb2(x, y));
            rup2 = Math.Min(rup2, k.Rrup2(cx, cy, cz));
        }
        rjb[i] = Math.Sqrt(jb2);
        rrup[i] = Math.Sqrt(rup2);
        _gc2.Coordinates(x, y, out var t, out var u);
        rx[i] = t;
        var total = _gc2.TotalLength;
        ry0[i] = u < 0 ? -u : (u > total ? u - total : 0.0);
    }

    /// <summary>Scalar reference path of <see cref="ComputeDistances"/> (tests).</summary>
    internal void ComputeDistancesScalar(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, DistanceSet into)
    {
        for (var i = 0; i < lon.Length; i++) Scalar(i, lon, lat, into.Rjb, into.Rrup, into.Rx, into.Ry0);
    }
}
