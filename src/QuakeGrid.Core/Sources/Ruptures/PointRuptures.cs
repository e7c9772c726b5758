using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Sources.Ruptures;

/// <summary>
/// Ruptures of a point-like source at one epicentre, as OpenQuake's <c>PointSource.iter_ruptures</c>: one planar
/// rupture per magnitude bin × nodal plane × hypocentral depth, with rate = bin rate × plane probability × depth
/// probability × <c>rateScale</c>; the surface is <see cref="PlanarSurface.ForPointRupture"/>. Identical nodal planes
/// or depths are merged (their probabilities summed), as OpenQuake does.
/// </summary>
internal static class PointRuptures
{
    public static void Append(List<ProbabilisticRupture> into, int sourceIndex, GeoPoint epicentre, IReadOnlyList<MagnitudeRate> bins,
        IReadOnlyList<NodalPlane> planes, IReadOnlyList<HypoDepth> depths, IMagnitudeScalingRelation msr, double aspect,
        double usd, double lsd, double rateScale, double minimumMagnitude)
    {
        foreach (var bin in bins)
        {
            if (bin.Rate <= 0 || bin.Magnitude < minimumMagnitude) continue;
            foreach (var np in planes)
            foreach (var hd in depths)
            {
                var rate = bin.Rate * np.Probability * hd.Probability * rateScale;
                var hypo = new GeoPoint(epicentre.Lon, epicentre.Lat, hd.Depth);
                var surface = PlanarSurface.ForPointRupture(hypo, bin.Magnitude, np.Rake, np.Strike, np.Dip, msr, aspect, usd, lsd);
                var indexInSource = into.Count;
                into.Add(new ProbabilisticRupture(new Rupture(bin.Magnitude, np.Rake, hypo, surface), rate, sourceIndex, indexInSource));
            }
        }
    }

    /// <summary>Merges identical nodal planes (strike, dip, rake), summing probabilities, keeping first-seen order.</summary>
    public static IReadOnlyList<NodalPlane> MergePlanes(IReadOnlyList<NodalPlane> planes)
    {
        var list = new List<NodalPlane>();
        foreach (var p in planes)
        {
            var i = list.FindIndex(q => q.Strike == p.Strike && q.Dip == p.Dip && q.Rake == p.Rake);
            if (i < 0) list.Add(p);
            else list[i] = list[i] with { Probability = list[i].Probability + p.Probability };
        }
        return list;
    }

    /// <summary>Merges identical hypocentral depths, summing probabilities, keeping first-seen order.</summary>
    public static IReadOnlyList<HypoDepth> MergeDepths(IReadOnlyList<HypoDepth> depths)
    {
        var list = new List<HypoDepth>();
        foreach (var d in depths)
        {
            var i = list.FindIndex(q => q.Depth == d.Depth);
            if (i < 0) list.Add(d);
            else list[i] = list[i] with { Probability = list[i].Probability + d.Probability };
        }
        return list;
    }
}
