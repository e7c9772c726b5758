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
}

/// <summary>Options of the Vecchia structure and factor.</summary>
/// <param name="Neighbours">m, conditioning sites per site (default 30).</param>
/// <param name="Ordering">Site order.</param>
/// <param name="Rule">Neighbour rule.</param>
/// <param name="Candidates">Nearest earlier sites searched for <see cref="NeighbourRule.CorrelationRanked"/> (≥ m; default 3m).</param>
public sealed record VecchiaOptions(int Neighbours = 30, VecchiaOrdering Ordering = VecchiaOrdering.MaxMin, NeighbourRule Rule = NeighbourRule.Nearest, int Candidates = 0)
{
    /// <summary>Neighbour lists the structure stores: m, or the candidate count for the correlation-ranked rule.</summary>
    public int StoredNeighbours => Rule == NeighbourRule.Nearest ? Neighbours : Math.Max(Neighbours, Candidates > 0 ? Candidates : 3 * Neighbours);

    public void Validate()
    {
        if (Neighbours < 1 || Neighbours > 512) throw new ArgumentOutOfRangeException(nameof(Neighbours), Neighbours, "neighbour count m must lie in [1, 512]");
        if (Candidates < 0 || Candidates > 2048) throw new ArgumentOutOfRangeException(nameof(Candidates), Candidates, "candidate count must lie in [0, 2048]");
    }
}
