namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// A pooled correlation log-likelihood (Bodenmann et al. 2023, Eq. 11) as <see cref="CorrelationFitter"/> uses it for
/// the MAP (L-BFGS) and NUTS: the local <see cref="PooledLikelihood"/>, or one whose per-event terms are evaluated
/// elsewhere (<c>QuakeGrid.Grains.Inference.DistributedPooledLikelihood</c>: one grain per event, summed by the
/// coordinator in ascending event-id order). <see cref="ILogDensity.Evaluate"/> may be called from several threads at
/// once (NUTS chains run in parallel) and must be deterministic for a given q.
/// </summary>
public interface IPooledLikelihood : ILogDensity
{
    /// <summary>Model.</summary>
    CorrelationModelKind Kind { get; }

    /// <summary>Diagonal nugget added to each event's correlation matrix.</summary>
    double Nugget { get; }
}
