namespace QuakeGrid.Cli.Fields;

/// <summary>How the within-event field is sampled.</summary>
public enum GmfMethod
{
    /// <summary>Dense Cholesky of the full correlation matrix (exact; O(N³), limited to <see cref="GmfGenerator.MaxExactSites"/>).</summary>
    Exact,
    /// <summary>Vecchia / nearest-neighbour Gaussian process with m neighbours (approximate; O(N·m³)).</summary>
    Vecchia,
}

/// <summary>Which field is written: ln IM (total) or the standardised within-event field eps.</summary>
public enum GmfComponent
{
    /// <summary>ln IM = mu + tau·eta + phi·eps (ln g; ln cm/s for PGV).</summary>
    Total,
    /// <summary>The standardised within-event residual field eps (unit variance).</summary>
    Within,
}
