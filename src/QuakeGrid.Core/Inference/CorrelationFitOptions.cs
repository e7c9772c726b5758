using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Inference.Priors;
using QuakeGrid.Core.Inference.Sampling;

namespace QuakeGrid.Core.Inference;

/// <summary>Options of <see cref="CorrelationFitter"/>.</summary>
public sealed record CorrelationFitOptions
{
    /// <summary>Model E, EA or EAS.</summary>
    public CorrelationModelKind Model { get; init; } = CorrelationModelKind.E;
    /// <summary>Priors (default: the paper's).</summary>
    public CorrelationPriors Priors { get; init; } = CorrelationPriors.Default;
    /// <summary>NUTS settings (default 4 × (1000 + 1000)).</summary>
    public NutsSettings Nuts { get; init; } = new();
    /// <summary>Job seed; chain c uses the stream derived from (seed, c, "nuts-chain").</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Only compute the MAP (no NUTS); LPPD then uses the MAP as a single draw.</summary>
    public bool MapOnly { get; init; }
    /// <summary>Largest number of posterior draws used for LPPD (evenly thinned). Default 400.</summary>
    public int MaxLppdDraws { get; init; } = 400;
    /// <summary>Semivariogram bin width, km. Default 2.</summary>
    public double SemivariogramBinKm { get; init; } = 2.0;
    /// <summary>Semivariogram maximum distance, km. Default 100.</summary>
    public double SemivariogramMaxKm { get; init; } = 100.0;
    /// <summary>Max threads for the per-event likelihood (−1: all).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>MAP / initialisation reference point in natural units: LE 20 km, gammaE 1, LA 22.5°, LS 150 m/s, w 0.5.</summary>
    public static KernelParameters Reference { get; } = new(20, 1.0, 22.5, 150, 0.5);
}
