using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// The Vecchia options and search coordinates used for a kernel when the caller does not set them.
/// <list type="bullet">
/// <item>Kernels without a Vs30 term (JB2009, HM2018, exponential, Matérn, Bodenmann E and EA): max-min order and the
/// m = 30 nearest earlier sites in planar X/Y (<see cref="NeighbourRule.Nearest"/>), as before.</item>
/// <item>Kernels with a Vs30 term (Bodenmann EAS): <see cref="NeighbourRule.Mixed"/> with m = 200 — the first 107 sites of
/// the order, the 53 nearest earlier sites in X/Y, and the 40 most correlated among the 400 nearest earlier sites in the
/// feature space (X, Y, s·Vs30) with s = 0.3·l_E/l_S km per m/s (a Vs30 difference of l_S counts as 0.3·l_E of
/// distance); max-min order in that space. On 2,500 Hayward sites with real Vs30 (posterior means of Bodenmann et al.
/// 2023) this keeps the worst pairwise correlation error at 0.012 (SA(1.0)), 0.015 (PGA, SA(0.3)) — all ≤ 0.02; m = 150
/// suffices at SA(1.0) and SA(3.0) (0.016, 0.013) but not at SA(0.3) (0.022) — where the nearest rule gives 0.18
/// (src/QuakeGrid.Core/Gp/README.md, tests/QuakeGrid.Core.Tests/Gp/VecchiaEasHaywardTests.cs).</item>
/// </list>
/// The EAS correlation does not fall with distance alone: nearby sites on different Vs30 are weakly correlated, far sites
/// on the same Vs30 class stay correlated, and the heavy tail of rho_E (gamma_E ≈ 0.4) links the whole region. Nearest
/// neighbours alone then miss the long-range part (the anchors carry it), and correlation-ranked neighbours alone miss
/// the screening by nearby sites (the spatial part keeps it).
/// </summary>
public static class VecchiaKernelRule
{
    /// <summary>Default m for kernels with a Vs30 term.</summary>
    public const int Vs30KernelNeighbours = 200;

    /// <summary>Mixed rule: anchors, spatial neighbours and feature-space candidates per 150 neighbours (scaled with m).</summary>
    private const double AnchorShare = 80.0 / 150, SpatialShare = 40.0 / 150, CandidateFactor = 2.0;

    /// <summary>Vs30 feature scale in units of l_E/l_S (km per m/s).</summary>
    public const double Vs30ScaleInLeOverLs = 0.3;

    /// <summary>True when the kernel has a Vs30-difference term (Bodenmann EAS).</summary>
    public static bool HasVs30Term(ISpatialCorrelation kernel) => kernel is BodenmannCorrelation { Variant: BodenmannVariant.EAS };

    /// <summary>
    /// Options for <paramref name="kernel"/>: <paramref name="neighbours"/> (default 30, or 200 with a Vs30 term) and
    /// the rule described on this class; the mixed rule's parts are scaled with m (anchors 8/15·m, spatial 4/15·m, 2m candidates).
    /// </summary>
    public static VecchiaOptions DefaultFor(ISpatialCorrelation kernel, int? neighbours = null, VecchiaOrdering ordering = VecchiaOrdering.MaxMin)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (!HasVs30Term(kernel)) return new VecchiaOptions(neighbours ?? 30, ordering);
        var m = neighbours ?? Vs30KernelNeighbours;
        var anchors = (int)Math.Round(m * AnchorShare);
        var spatial = Math.Min(m - anchors, (int)Math.Round(m * SpatialShare));
        return new VecchiaOptions(m, ordering, NeighbourRule.Mixed, (int)Math.Ceiling(m * CandidateFactor)) { Anchors = anchors, SpatialNeighbours = spatial };
    }

    /// <summary>
    /// Search coordinates for <paramref name="options"/>: for <see cref="NeighbourRule.Mixed"/>, (X, Y, s·Vs30) with
    /// s = <see cref="Vs30ScaleInLeOverLs"/>·l_E/l_S when the kernel has a Vs30 term (<see cref="VecchiaFeatures.ForMixedRule"/>);
    /// otherwise planar X/Y (km).
    /// </summary>
    public static double[][] Coordinates(CorrelationSites sites, ISpatialCorrelation kernel, VecchiaOptions options)
    {
        if (options.Rule != NeighbourRule.Mixed || kernel is not BodenmannCorrelation b) return [sites.X, sites.Y];
        var scale = HasVs30Term(kernel) ? Vs30ScaleInLeOverLs * b.Parameters.LE / b.Parameters.LS : 0.0;
        return scale > 0 ? VecchiaFeatures.ForMixedRule(sites, kernel, scale, 0.0) : [sites.X, sites.Y];
    }

    /// <summary>Builds the structure for <paramref name="kernel"/> on <paramref name="sites"/> with <paramref name="options"/> (default: <see cref="DefaultFor"/>).</summary>
    public static VecchiaStructure Build(CorrelationSites sites, ISpatialCorrelation kernel, VecchiaOptions? options = null, int maxParallelism = -1)
    {
        options ??= DefaultFor(kernel);
        return VecchiaStructure.Build(Coordinates(sites, kernel, options), options, maxParallelism);
    }
}
