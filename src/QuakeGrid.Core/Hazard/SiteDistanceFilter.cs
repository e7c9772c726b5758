using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Finds the sites within the maximum distance (Rrup, km) of a rupture without computing exact distances for all of
/// them: a coarse equirectangular test against a circle around the hypocentre (radius = maximum distance + rupture
/// extent, with a conservative margin) picks candidates, whose exact Rjb and Rrup come from the rupture surface (<see cref="IRuptureSurface.ComputeRjbRrup"/>) in
/// blocks of <see cref="Block"/> sites. One instance per worker; no allocation per rupture after warm-up.
/// </summary>
internal sealed class SiteDistanceFilter
{
    /// <summary>Sites per exact-distance call.</summary>
    public const int Block = 256;
    private const double KmPerDegree = Geodesy.EarthRadiusKm * Math.PI / 180.0;
    /// <summary>Slack after the candidates: the padding to a whole block of four and the eight-lane appends.</summary>
    private const int Slack = 8;

    private readonly double[] _rjb = new double[Block];
    private readonly double[] _rrup = new double[Block];
    private readonly int[] _candidates;
    // The candidates' coordinates, gathered while the candidates are found (contiguous for the distance kernel).
    private readonly double[] _lon;
    private readonly double[] _lat;
    private double[] _depth = [];

    /// <summary>Candidates (sites inside the coarse circle, given exact distances) so far, summed over calls (benchmarks).</summary>
    public long Candidates { get; private set; }

    public SiteDistanceFilter(int capacity)
    {
        _candidates = new int[capacity + Slack];
        _lon = new double[capacity + Slack];
        _lat = new double[capacity + Slack];
    }

    /// <summary>
    /// Sites <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 of the arrays with
    /// Rrup ≤ <paramref name="maxDistance"/>: their indices relative to <paramref name="start"/> go to
    /// <paramref name="index"/>, their Rjb and Rrup to <paramref name="rjb"/> and <paramref name="rrup"/>; returns how many.
    /// <paramref name="depth"/> (km, null = all at sea level) switches on <see cref="SiteDepthDistances"/>.
    /// </summary>
    public int Select(Rupture rupture, double[] lon, double[] lat, double[]? depth, int start, int count, double maxDistance,
        int[] index, double[] rjb, double[] rrup)
    {
        var c = Circle(rupture, maxDistance);
        var nc = AppendInCircle(c, lon.AsSpan(start, count), lat.AsSpan(start, count), [], start, 0);
        return Exact(rupture, depth, nc, start, maxDistance, index, rjb, rrup);
    }

    /// <summary>
    /// As <see cref="Select(Rupture, double[], double[], double[], int, int, double, int[], double[], double[])"/> for all
    /// sites of <paramref name="grid"/> (built on <paramref name="lon"/>, <paramref name="lat"/>), visiting only the grid
    /// cells that meet the circle's bounding box. Indices are into the arrays; the selected sites are the same. The coordinates
    /// are read from the grid's own copies (<see cref="SiteGridIndex.ItemLon"/>, in cell order), equal to the arrays'.
    /// </summary>
    public int Select(Rupture rupture, double[] lon, double[] lat, double[]? depth, SiteGridIndex grid, double maxDistance,
        int[] index, double[] rjb, double[] rrup)
    {
        var c = Circle(rupture, maxDistance);
        var dLat = c.Radius / KmPerDegree;
        var dLon = c.Radius / (KmPerDegree * c.CosMin);
        if (!grid.TryRange(c.HypoLon - dLon, c.HypoLon + dLon, c.HypoLat - dLat, c.HypoLat + dLat, out var x0, out var x1, out var y0, out var y1))
            return Select(rupture, lon, lat, depth, 0, lon.Length, maxDistance, index, rjb, rrup);
        var nc = 0;
        // Cells x0..x1 of a row are one contiguous run of the index's items: the candidates come in the order of a cell-by-cell visit.
        for (var cy = y0; cy <= y1 && x0 <= x1; cy++)
        {
            var (from, to) = grid.RowRange(cy, x0, x1);
            nc = AppendInCircle(c, grid.ItemLon[from..to], grid.ItemLat[from..to], grid.Items[from..to], 0, nc);
        }
        return Exact(rupture, depth, nc, 0, maxDistance, index, rjb, rrup);
    }

    /// <summary>The coarse circle of <see cref="Circle"/>: hypocentre (degrees), radius (km), radius² and the smallest cos(latitude).</summary>
    private readonly record struct CoarseCircle(double HypoLon, double HypoLat, double Radius, double R2, double CosMin);

    /// <summary>
    /// The coarse circle: around the hypocentre, radius = maximum distance + rupture extent with a margin (km), and the
    /// smallest cos(latitude) inside it, which keeps the east-west test conservative.
    /// </summary>
    private static CoarseCircle Circle(Rupture rupture, double maxDistance)
    {
        var surface = rupture.Surface;
        var hypo = rupture.Hypocenter;
        var extent = surface.Width;
        var edge = surface.TopEdge;
        for (var k = 0; k < edge.Count; k++)
        {
            var p = edge[k];
            extent = Math.Max(extent, Geodesy.DistanceKm(hypo.Lon, hypo.Lat, p.Lon, p.Lat) + surface.Width);
        }
        var radius = (maxDistance + extent) * 1.01 + 1.0;
        var farLat = Math.Min(89.0, Math.Abs(hypo.Lat) + radius / KmPerDegree);
        return new CoarseCircle(hypo.Lon, hypo.Lat, radius, radius * radius, Math.Cos(farLat * Math.PI / 180.0));
    }

    private static bool InCircle(double lon, double lat, in CoarseCircle c)
    {
        var dLon = lon - c.HypoLon;
        if (dLon > 180) dLon -= 360; else if (dLon < -180) dLon += 360;
        var dx = dLon * c.CosMin * KmPerDegree;
        var dy = (lat - c.HypoLat) * KmPerDegree;
        return dx * dx + dy * dy <= c.R2;
    }

    /// <summary>
    /// Appends, from position <paramref name="nc"/>, the sites of the spans inside the coarse circle: their indices
    /// (<paramref name="items"/>[k], or <paramref name="first"/> + k when <paramref name="items"/> is empty) to the candidates and
    /// their coordinates to the gathered arrays, in span order; returns the new count. Eight sites per step with
    /// <see cref="Vector512"/> where accelerated: per lane the operations of <see cref="InCircle"/>, so the same sites.
    /// </summary>
    private int AppendInCircle(in CoarseCircle c, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, ReadOnlySpan<int> items, int first, int nc)
    {
        var n = lon.Length;
        var identity = items.IsEmpty;
        var k = 0;
        if (Vector512.IsHardwareAccelerated && n >= 8)
        {
            var hLon = Vector512.Create(c.HypoLon);
            var hLat = Vector512.Create(c.HypoLat);
            var cos = Vector512.Create(c.CosMin);
            var km = Vector512.Create(KmPerDegree);
            var r2 = Vector512.Create(c.R2);
            var v180 = Vector512.Create(180.0);
            var v360 = Vector512.Create(360.0);
            ref var rLon = ref MemoryMarshal.GetReference(lon);
            ref var rLat = ref MemoryMarshal.GetReference(lat);
            ref var oLon = ref MemoryMarshal.GetArrayDataReference(_lon);
            ref var oLat = ref MemoryMarshal.GetArrayDataReference(_lat);
            ref var oIdx = ref MemoryMarshal.GetArrayDataReference(_candidates);
            var step = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
            for (; k <= n - 8; k += 8)
            {
                var vLon = Vector512.LoadUnsafe(ref rLon, (nuint)k);
                var vLat = Vector512.LoadUnsafe(ref rLat, (nuint)k);
                var dLon = vLon - hLon;
                dLon = Vector512.ConditionalSelect(Vector512.GreaterThan(dLon, v180), dLon - v360,
                    Vector512.ConditionalSelect(Vector512.LessThan(dLon, -v180), dLon + v360, dLon));
                var dx = dLon * cos * km;
                var dy = (vLat - hLat) * km;
                var bits = (uint)Vector512.ExtractMostSignificantBits(Vector512.LessThanOrEqual(dx * dx + dy * dy, r2));
                if (bits == 0) continue;
                if (bits == 0xFF)
                {
                    vLon.StoreUnsafe(ref oLon, (nuint)nc);
                    vLat.StoreUnsafe(ref oLat, (nuint)nc);
                    var idx = identity ? Vector256.Create(first + k) + step : Vector256.Create(items.Slice(k, 8));
                    idx.StoreUnsafe(ref oIdx, (nuint)nc);
                    nc += 8;
                    continue;
                }
                do
                {
                    var j = BitOperations.TrailingZeroCount(bits);
                    _lon[nc] = lon[k + j];
                    _lat[nc] = lat[k + j];
                    _candidates[nc] = identity ? first + k + j : items[k + j];
                    nc++;
                    bits &= bits - 1;
                }
                while (bits != 0);
            }
        }
        for (; k < n; k++)
        {
            if (!InCircle(lon[k], lat[k], c)) continue;
            _lon[nc] = lon[k];
            _lat[nc] = lat[k];
            _candidates[nc] = identity ? first + k : items[k];
            nc++;
        }
        return nc;
    }

    /// <summary>
    /// Exact Rjb and Rrup of the <paramref name="nc"/> gathered candidates (indices into <paramref name="depth"/>, whose values
    /// are gathered here when it is given); keeps those within the maximum distance.
    /// </summary>
    private int Exact(Rupture rupture, double[]? depth, int nc, int start, double maxDistance, int[] index, double[] rjb, double[] rrup)
    {
        Candidates += nc;
        if (nc == 0) return 0;
        var surface = rupture.Surface;
        // Padded to whole SIMD blocks of 4 with copies of the last candidate, so every site goes through the same (vector)
        // distance kernel whatever its position: a site's distances do not depend on which other sites are filtered with it
        // (the tiling invariance of the event-based tiles). Blocks of Block (a multiple of 8) keep that grouping into fours.
        var padded = (nc + 3) & ~3;
        if (depth is not null)
        {
            if (_depth.Length < _lon.Length) _depth = new double[_lon.Length];
            for (var q = 0; q < nc; q++) _depth[q] = depth[_candidates[q]];
        }
        for (var q = nc; q < padded; q++)
        {
            _lon[q] = _lon[nc - 1];
            _lat[q] = _lat[nc - 1];
            if (depth is not null) _depth[q] = _depth[nc - 1];
        }
        var m = 0;
        var vMax = Vector512.Create(maxDistance);
        for (var b0 = 0; b0 < nc; b0 += Block)
        {
            var nb = Math.Min(Block, nc - b0);
            var len = Math.Min(Block, padded - b0);
            var bl = _lon.AsSpan(b0, len);
            var ba = _lat.AsSpan(b0, len);
            // Rjb and Rrup only (bit-identical to ComputeDistances'; Rx and Ry0 are needed by no hazard GMM here).
            surface.ComputeRjbRrup(bl, ba, _rjb.AsSpan(0, len), _rrup.AsSpan(0, len));
            if (depth is not null) SiteDepthDistances.AdjustRrup(surface, bl, ba, _depth.AsSpan(b0, len), _rrup.AsSpan(0, len));
            var q = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                ref var rRup = ref MemoryMarshal.GetArrayDataReference(_rrup);
                for (; q <= nb - 8; q += 8)
                {
                    var bits = (uint)Vector512.ExtractMostSignificantBits(Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref rRup, (nuint)q), vMax));
                    if (bits == 0xFF && m + 8 <= index.Length && m + 8 <= rjb.Length && m + 8 <= rrup.Length)
                    {
                        (Vector256.Create(_candidates.AsSpan(b0 + q, 8)) - Vector256.Create(start)).CopyTo(index.AsSpan(m, 8));
                        Vector512.Create(_rjb.AsSpan(q, 8)).CopyTo(rjb.AsSpan(m, 8));
                        Vector512.Create(_rrup.AsSpan(q, 8)).CopyTo(rrup.AsSpan(m, 8));
                        m += 8;
                        continue;
                    }
                    for (; bits != 0; bits &= bits - 1)
                    {
                        var j = q + BitOperations.TrailingZeroCount(bits);
                        index[m] = _candidates[b0 + j] - start;
                        rjb[m] = _rjb[j];
                        rrup[m] = _rrup[j];
                        m++;
                    }
                }
            }
            for (; q < nb; q++)
            {
                if (!(_rrup[q] <= maxDistance)) continue;
                index[m] = _candidates[b0 + q] - start;
                rjb[m] = _rjb[q];
                rrup[m] = _rrup[q];
                m++;
            }
        }
        return m;
    }
}
