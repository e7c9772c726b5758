namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>Settings of <see cref="NutsSampler"/>; defaults as in Stan (Betancourt 2017; Stan Reference Manual §15).</summary>
public sealed record NutsSettings
{
    /// <summary>Number of chains (run in parallel). Default 4.</summary>
    public int Chains { get; init; } = 4;
    /// <summary>Warm-up iterations per chain (discarded). Default 1000.</summary>
    public int Warmup { get; init; } = 1000;
    /// <summary>Kept draws per chain. Default 1000.</summary>
    public int Draws { get; init; } = 1000;
    /// <summary>Dual-averaging target acceptance statistic δ. Default 0.8.</summary>
    public double TargetAcceptance { get; init; } = 0.8;
    /// <summary>Maximum tree depth (2^depth leapfrog steps at most). Default 10.</summary>
    public int MaxTreeDepth { get; init; } = 10;
    /// <summary>Energy error beyond which a trajectory is divergent. Default 1000.</summary>
    public double MaxDeltaH { get; init; } = 1000;
    /// <summary>Initial fast-adaptation buffer. Default 75.</summary>
    public int InitBuffer { get; init; } = 75;
    /// <summary>Final fast-adaptation buffer. Default 50.</summary>
    public int TermBuffer { get; init; } = 50;
    /// <summary>First slow (metric) window; later windows double. Default 25.</summary>
    public int BaseWindow { get; init; } = 25;
    /// <summary>Half-width of the uniform initialisation around the centre, unconstrained units. Default 1.</summary>
    public double InitRadius { get; init; } = 1.0;
    /// <summary>
    /// Adapt a dense inverse metric (the posterior covariance of the unconstrained coordinates) instead of the
    /// default diagonal one; cheaper trajectories when the coordinates are correlated (e.g. LE and gammaE).
    /// Default false (diagonal, as in Stan's default).
    /// </summary>
    public bool DenseMetric { get; init; }
    /// <summary>Chains run in parallel when true (default); results do not depend on it.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (Chains < 1) throw new ArgumentOutOfRangeException(nameof(Chains), Chains, "need at least 1 chain");
        if (Warmup < 0) throw new ArgumentOutOfRangeException(nameof(Warmup), Warmup, "must be ≥ 0");
        if (Draws < 1) throw new ArgumentOutOfRangeException(nameof(Draws), Draws, "must be ≥ 1");
        if (!(TargetAcceptance > 0 && TargetAcceptance < 1)) throw new ArgumentOutOfRangeException(nameof(TargetAcceptance), TargetAcceptance, "must be in (0, 1)");
        if (MaxTreeDepth < 1 || MaxTreeDepth > 20) throw new ArgumentOutOfRangeException(nameof(MaxTreeDepth), MaxTreeDepth, "must be in 1..20");
    }
}
