namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>Site order of a Vecchia factor (the order of the sampling sweep).</summary>
public enum VecchiaOrdering
{
    /// <summary>Exact max-min order: the most accurate for a given m; neighbours scattered in memory.</summary>
    MaxMin,

    /// <summary>
    /// Max-min order re-sorted by (dyadic level ⌊log2(l_1/l_i)⌋, Morton code of the position): coarse-to-fine like max-min,
    /// but spatially sorted inside each level so the sweep reads memory nearly sequentially; slightly less accurate at equal m.
    /// </summary>
    LevelMorton,

    /// <summary>
    /// Local coarse-to-fine order for tiled sweeps (<see cref="LevelCellStructure"/>): max-min levels, each level cut into
    /// square cells of <see cref="VecchiaOptions.CellFactor"/> × the level's max-min distance; a site conditions on its m
    /// nearest sites among all coarser levels and the earlier sites of its own cell only, so the dependency closure of a
    /// region stays near the region (small halo) instead of spreading across each level as in max-min order.
    /// </summary>
    LevelCell,
}

/// <summary>How the m conditioning sites of each site are chosen from the earlier sites.</summary>
public enum NeighbourRule
{
    /// <summary>The m nearest earlier sites (planar distance).</summary>
    Nearest,

    /// <summary>
    /// The m earlier sites with the largest correlation to the site, among its <see cref="VecchiaOptions.Candidates"/> nearest
    /// earlier sites; helps kernels whose correlation is not a function of distance alone (Vs30 or azimuth terms).
    /// </summary>
    CorrelationRanked,

    /// <summary>
    /// For kernels whose correlation is not a function of distance alone (Bodenmann EAS: Vs30 and azimuth terms): the
    /// conditioning set of each site is the union of (1) the first <see cref="VecchiaOptions.Anchors"/> sites of the order
    /// (a coarse max-min cover of the region, carrying the long-range part of a heavy-tailed kernel), (2) its
    /// <see cref="VecchiaOptions.SpatialNeighbours"/> nearest earlier sites in planar distance (the screening part), and
    /// (3) the most correlated earlier sites among its <see cref="VecchiaOptions.Candidates"/> nearest in the structure's
    /// feature space (sites with similar Vs30 and azimuth), up to m sites in all. The order is max-min in the feature
    /// space, whose first two coordinates must be planar X/Y in km (<see cref="VecchiaFeatures.ForMixedRule"/>).
    /// </summary>
    Mixed,
}

/// <summary>Options of the Vecchia structure and factor.</summary>
/// <param name="Neighbours">m, conditioning sites per site (default 30).</param>
/// <param name="Ordering">Site order.</param>
/// <param name="Rule">Neighbour rule.</param>
/// <param name="Candidates">Nearest earlier sites searched for <see cref="NeighbourRule.CorrelationRanked"/> (≥ m; default 3m).</param>
/// <param name="CellFactor">Cell side / level max-min distance for <see cref="VecchiaOrdering.LevelCell"/> (default 2).</param>
public sealed record VecchiaOptions(int Neighbours = 30, VecchiaOrdering Ordering = VecchiaOrdering.MaxMin, NeighbourRule Rule = NeighbourRule.Nearest, int Candidates = 0,
    double CellFactor = 2.0)
{
    /// <summary><see cref="NeighbourRule.Mixed"/>: the first sites of the order in every conditioning set (default 0).</summary>
    public int Anchors { get; init; }

    /// <summary><see cref="NeighbourRule.Mixed"/>: nearest earlier sites in planar distance in every conditioning set (default 0).</summary>
    public int SpatialNeighbours { get; init; }

    /// <summary>
    /// Neighbour lists the structure stores: m; the candidate count for the correlation-ranked rule; for the mixed rule the
    /// spatial neighbours followed by the feature-space candidates (default 3m).
    /// </summary>
    public int StoredNeighbours => Rule switch
    {
        NeighbourRule.Nearest => Neighbours,
        NeighbourRule.Mixed => SpatialNeighbours + MixedCandidates,
        _ => Math.Max(Neighbours, Candidates > 0 ? Candidates : 3 * Neighbours),
    };

    /// <summary>Feature-space candidates of the mixed rule: at least m, so that every conditioning set can be filled.</summary>
    public int MixedCandidateCount => MixedCandidates;

    private int MixedCandidates => Math.Max(Neighbours, Candidates > 0 ? Candidates : 3 * Neighbours);

    public void Validate()
    {
        if (Anchors < 0 || SpatialNeighbours < 0 || Anchors + SpatialNeighbours > Neighbours)
            throw new ArgumentOutOfRangeException(nameof(Anchors), $"anchors ({Anchors}) and spatial neighbours ({SpatialNeighbours}) must be non-negative and add up to at most m = {Neighbours}");
        if (Neighbours < 1 || Neighbours > 512) throw new ArgumentOutOfRangeException(nameof(Neighbours), Neighbours, "neighbour count m must lie in [1, 512]");
        if (Candidates < 0 || Candidates > 2048) throw new ArgumentOutOfRangeException(nameof(Candidates), Candidates, "candidate count must lie in [0, 2048]");
        if (!(CellFactor >= 1 && CellFactor <= 1024)) throw new ArgumentOutOfRangeException(nameof(CellFactor), CellFactor, "cell factor must lie in [1, 1024]");
        if (Ordering == VecchiaOrdering.LevelCell && Rule != NeighbourRule.Nearest)
            throw new ArgumentException("the level-cell ordering supports the nearest-neighbour rule only");
    }
}
