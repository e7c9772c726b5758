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

    private readonly double[] _rjb = new double[Block];
    private readonly double[] _rrup = new double[Block];
    private readonly double[] _lon = new double[Block];
    private readonly double[] _lat = new double[Block];
    private readonly double[] _depth = new double[Block];
    private readonly int[] _candidates;

    public SiteDistanceFilter(int capacity) => _candidates = new int[capacity];

    /// <summary>
    /// Sites <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 of the arrays with
    /// Rrup ≤ <paramref name="maxDistance"/>: their indices relative to <paramref name="start"/> go to
    /// <paramref name="index"/>, their Rjb and Rrup to <paramref name="rjb"/> and <paramref name="rrup"/>; returns how many.
    /// <paramref name="depth"/> (km, null = all at sea level) switches on <see cref="SiteDepthDistances"/>.
    /// </summary>
    public int Select(Rupture rupture, double[] lon, double[] lat, double[]? depth, int start, int count, double maxDistance,
        int[] index, double[] rjb, double[] rrup)
    {
        var (hypo, radius, cosMin) = Circle(rupture, maxDistance);
        var r2 = radius * radius;
        var nc = 0;
        for (var i = start; i < start + count; i++)
            if (InCircle(lon[i], lat[i], hypo, cosMin, r2)) _candidates[nc++] = i;
        return Exact(rupture, lon, lat, depth, nc, start, maxDistance, index, rjb, rrup);
    }

    /// <summary>
    /// As <see cref="Select(Rupture, double[], double[], double[], int, int, double, int[], double[], double[])"/> for all
    /// sites of <paramref name="grid"/> (built on <paramref name="lon"/>, <paramref name="lat"/>), visiting only the grid
    /// cells that meet the circle's bounding box. Indices are into the arrays; the selected sites are the same.
    /// </summary>
    public int Select(Rupture rupture, double[] lon, double[] lat, double[]? depth, SiteGridIndex grid, double maxDistance,
        int[] index, double[] rjb, double[] rrup)
    {
        var (hypo, radius, cosMin) = Circle(rupture, maxDistance);
        var r2 = radius * radius;
        var nc = 0;
        var dLat = radius / KmPerDegree;
        var dLon = radius / (KmPerDegree * cosMin);
        if (!grid.TryRange(hypo.Lon - dLon, hypo.Lon + dLon, hypo.Lat - dLat, hypo.Lat + dLat, out var x0, out var x1, out var y0, out var y1))
            return Select(rupture, lon, lat, depth, 0, lon.Length, maxDistance, index, rjb, rrup);
        for (var cy = y0; cy <= y1; cy++)
            for (var cx = x0; cx <= x1; cx++)
                foreach (var i in grid.Cell(cx, cy))
                    if (InCircle(lon[i], lat[i], hypo, cosMin, r2)) _candidates[nc++] = i;
        return Exact(rupture, lon, lat, depth, nc, 0, maxDistance, index, rjb, rrup);
    }

    /// <summary>
    /// The coarse circle: around the hypocentre, radius = maximum distance + rupture extent with a margin (km), and the
    /// smallest cos(latitude) inside it, which keeps the east-west test conservative.
    /// </summary>
    private static (GeoPoint Hypo, double Radius, double CosMin) Circle(Rupture rupture, double maxDistance)
    {
        var surface = rupture.Surface;
        var hypo = rupture.Hypocenter;
        var extent = surface.Width;
        foreach (var p in surface.TopEdge) extent = Math.Max(extent, Geodesy.DistanceKm(hypo.Lon, hypo.Lat, p.Lon, p.Lat) + surface.Width);
        var radius = (maxDistance + extent) * 1.01 + 1.0;
        var farLat = Math.Min(89.0, Math.Abs(hypo.Lat) + radius / KmPerDegree);
        return (hypo, radius, Math.Cos(farLat * Math.PI / 180.0));
    }

    private static bool InCircle(double lon, double lat, GeoPoint hypo, double cosMin, double r2)
    {
        var dLon = lon - hypo.Lon;
        if (dLon > 180) dLon -= 360; else if (dLon < -180) dLon += 360;
        var dx = dLon * cosMin * KmPerDegree;
        var dy = (lat - hypo.Lat) * KmPerDegree;
        return dx * dx + dy * dy <= r2;
    }

    /// <summary>Exact Rjb and Rrup of the <paramref name="nc"/> candidates; keeps those within the maximum distance.</summary>
    private int Exact(Rupture rupture, double[] lon, double[] lat, double[]? depth, int nc, int start, double maxDistance,
        int[] index, double[] rjb, double[] rrup)
    {
        var surface = rupture.Surface;
        var m = 0;
        for (var b0 = 0; b0 < nc; b0 += Block)
        {
            var nb = Math.Min(Block, nc - b0);
            // Padded to whole SIMD blocks of 4 with copies of the last candidate, so every site goes through the same
            // (vector) distance kernel whatever its position: a site's distances do not depend on which other sites are
            // filtered with it (the tiling invariance of the event-based tiles).
            var padded = (nb + 3) & ~3;
            for (var q = 0; q < padded; q++)
            {
                var i = _candidates[b0 + Math.Min(q, nb - 1)];
                _lon[q] = lon[i];
                _lat[q] = lat[i];
                if (depth is not null) _depth[q] = depth[i];
            }
            var bl = _lon.AsSpan(0, padded);
            var ba = _lat.AsSpan(0, padded);
            // Rjb and Rrup only (bit-identical to ComputeDistances'; Rx and Ry0 are needed by no hazard GMM here).
            surface.ComputeRjbRrup(bl, ba, _rjb.AsSpan(0, padded), _rrup.AsSpan(0, padded));
            if (depth is not null) SiteDepthDistances.AdjustRrup(surface, bl, ba, _depth.AsSpan(0, padded), _rrup.AsSpan(0, padded));
            for (var q = 0; q < nb; q++)
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
