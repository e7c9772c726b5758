using QuakeGrid.Core.Inference.Priors;

namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// Unnormalised log-posterior in unconstrained coordinates: pooled log-likelihood + log-prior + log-Jacobian.
/// </summary>
public sealed class CorrelationPosterior : ILogDensity
{
    /// <summary>Combines a likelihood and priors.</summary>
    public CorrelationPosterior(IPooledLikelihood likelihood, CorrelationPriors? priors = null)
    {
        Likelihood = likelihood;
        Priors = priors ?? CorrelationPriors.Default;
    }

    /// <summary>The likelihood.</summary>
    public IPooledLikelihood Likelihood { get; }
    /// <summary>The priors.</summary>
    public CorrelationPriors Priors { get; }
    /// <inheritdoc />
    public int Dimension => Likelihood.Dimension;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> q, Span<double> gradient)
    {
        var ll = Likelihood.Evaluate(q, gradient);
        if (!double.IsFinite(ll)) return double.NegativeInfinity;
        var lp = Priors.LogDensityUnconstrained(q, gradient);
        return ll + lp;
    }
}

/// <summary>A differentiable log-density on R^d.</summary>
public interface ILogDensity
{
    /// <summary>Dimension d.</summary>
    int Dimension { get; }

    /// <summary>
    /// Log-density at <paramref name="q"/>; writes the gradient into <paramref name="gradient"/> when it is non-empty.
    /// Returns −∞ outside the support or on numerical failure.
    /// </summary>
    double Evaluate(ReadOnlySpan<double> q, Span<double> gradient);
}
