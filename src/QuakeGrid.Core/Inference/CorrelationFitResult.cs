using QuakeGrid.Core.Inference.Diagnostics;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Inference.Optimisation;
using QuakeGrid.Core.Inference.Sampling;
using QuakeGrid.Core.Inference.Scoring;
using QuakeGrid.Core.Inference.Variogram;

namespace QuakeGrid.Core.Inference;

/// <summary>Maximum a posteriori estimate.</summary>
/// <param name="Parameters">Natural parameters.</param>
/// <param name="Unconstrained">Unconstrained coordinates.</param>
/// <param name="LogPosterior">Log-posterior (unconstrained density, Jacobian included) at the MAP.</param>
/// <param name="LogLikelihood">Pooled log-likelihood at the MAP.</param>
/// <param name="Optimiser">L-BFGS diagnostics.</param>
public sealed record MapEstimate(KernelParameters Parameters, double[] Unconstrained, double LogPosterior, double LogLikelihood, OptimisationResult Optimiser);

/// <summary>Everything a correlation fit produces; the CLI writes posterior.csv, summary.csv, map.csv, lppd.csv and plots from it.</summary>
/// <param name="Model">Model.</param>
/// <param name="ParameterNames">Column names (prefix of <c>LE,gammaE,LA,LS,w</c>).</param>
/// <param name="Map">MAP estimate.</param>
/// <param name="Nuts">Raw sampler output (null when MAP only).</param>
/// <param name="Summary">Posterior summary and diagnostics (null when MAP only).</param>
/// <param name="PosteriorDraws">Natural-unit draws, rows chain-major ([chain 0 draws…, chain 1 draws…]), columns <see cref="ParameterNames"/>.</param>
/// <param name="Lppd">In-sample LPPD of the model.</param>
/// <param name="Independent">LPPD of the independent model.</param>
/// <param name="SemivariogramBaseline">LPPD of the fitted exponential semivariogram model.</param>
/// <param name="VariogramFit">The exponential fit.</param>
/// <param name="Plot">Semivariogram figure data.</param>
/// <param name="Timing">Wall-clock timings.</param>
public sealed record CorrelationFitResult(CorrelationModelKind Model, string[] ParameterNames, MapEstimate Map, NutsResult? Nuts,
    PosteriorSummary? Summary, double[][] PosteriorDraws, LppdResult Lppd, LppdResult Independent, LppdResult SemivariogramBaseline,
    ExponentialVariogramFit VariogramFit, SemivariogramPlotData Plot, FitTiming Timing)
{
    /// <summary>Gain of the model over the independent model, % (Bodenmann et al. 2023, Table 2).</summary>
    public double GainPercent => Lppd.GainOverPercent(Independent);
    /// <summary>Gain of the semivariogram baseline over the independent model, %.</summary>
    public double BaselineGainPercent => SemivariogramBaseline.GainOverPercent(Independent);
}

/// <summary>Timings of a fit.</summary>
/// <param name="MapSeconds">L-BFGS wall time, s.</param>
/// <param name="NutsSeconds">NUTS wall time (all chains), s.</param>
/// <param name="LppdSeconds">LPPD and baseline wall time, s.</param>
/// <param name="GradientEvaluations">Log-posterior-and-gradient evaluations by NUTS, all chains.</param>
/// <param name="SecondsPerGradient">Measured wall time of one likelihood-plus-gradient evaluation, s.</param>
public sealed record FitTiming(double MapSeconds, double NutsSeconds, double LppdSeconds, long GradientEvaluations, double SecondsPerGradient);
