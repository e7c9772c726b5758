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
    /// Start warm-up from the Laplace approximation at the centre (default false, opt-in): the Hessian there is taken by
    /// central differences of the gradient (2d evaluations, once for all chains); when it is negative definite the
    /// chains start at centre + <see cref="LaplaceInitRadius"/>·σ_i·U(−1, 1) (σ_i the Laplace standard deviations)
    /// with the Laplace covariance as initial inverse metric (its diagonal, or all of it with
    /// <see cref="DenseMetric"/>). The windows then re-estimate the metric as usual; only the first fast window
    /// (which otherwise runs with the unit metric and deep trees) changes. Otherwise (or when false) the chains start
    /// at centre + <see cref="InitRadius"/>·U(−1, 1) with the unit metric, as in Stan.
    /// Not the default: on 12 reduced synthetic-recovery fits (EAS, 4 × (400 + 400)) it saved 4.4 % of the gradients,
    /// but 2 of the 12 fits had a worst R-hat of 1.0101–1.0102 against 0 of 12 without it (means 1.0033 vs 1.0030);
    /// see docs/benchmarks.md, issue 6.
    /// </summary>
    public bool LaplaceInit { get; init; }
    /// <summary>Half-width of the initial jitter in Laplace standard deviations (see <see cref="LaplaceInit"/>). Default 2.</summary>
    public double LaplaceInitRadius { get; init; } = 2.0;
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
        if (!(InitRadius >= 0)) throw new ArgumentOutOfRangeException(nameof(InitRadius), InitRadius, "must be ≥ 0");
        if (!(LaplaceInitRadius >= 0)) throw new ArgumentOutOfRangeException(nameof(LaplaceInitRadius), LaplaceInitRadius, "must be ≥ 0");
        if (MaxTreeDepth < 1 || MaxTreeDepth > 20) throw new ArgumentOutOfRangeException(nameof(MaxTreeDepth), MaxTreeDepth, "must be in 1..20");
    }
}
