namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>Per-event dense algorithm of <see cref="PooledLikelihood"/>; both give the same value up to rounding.</summary>
public enum LikelihoodAlgorithm
{
    /// <summary>
    /// Default: SIMD kernel fill (derivatives as structure of arrays), serial blocked Cholesky and blocked inverse
    /// (<see cref="QuakeGrid.Core.Gp.Dense.SerialSpdSolver"/>) from n = 48, vectorised gradient trace pass.
    /// </summary>
    Blocked,

    /// <summary>
    /// The first implementation (kept as the benchmark baseline and test oracle): scalar kernel fill, row-oriented
    /// Cholesky (shared parallel blocked one from n = 96), inverse by axpy row updates, scalar trace pass.
    /// </summary>
    Reference,
}
