using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Inference.Variogram;

/// <summary>A named model curve γ(h) on a distance grid.</summary>
public sealed record SemivariogramCurve(string Label, double[] DistanceKm, double[] Gamma);

/// <summary>
/// Data for the semivariogram figure: empirical bins, the fitted exponential model and the posterior-mean models.
/// For EA/EAS the curve is 1 − ρ at d_A = 0 and d_S = 0 (stations on one ray with equal Vs30), where both reduce to
/// 1 − ρ_E; their angular and soil terms cannot be drawn against distance alone.
/// </summary>
public sealed record SemivariogramPlotData(IReadOnlyList<SemivariogramBin> Bins, SemivariogramCurve Fitted, IReadOnlyList<SemivariogramCurve> PosteriorMeanModels)
{
    /// <summary>Builds the figure data on <paramref name="points"/> distances from 0 to the last bin's upper edge.</summary>
    public static SemivariogramPlotData Build(IReadOnlyList<SemivariogramBin> bins, ExponentialVariogramFit fit,
        IEnumerable<(string Label, KernelParameters Mean)> posteriorMeans, int points = 101)
    {
        var hMax = bins.Count > 0 ? bins[^1].UpperKm : 100.0;
        var h = Enumerable.Range(0, points).Select(i => hMax * i / (points - 1)).ToArray();
        var fitted = new SemivariogramCurve($"exponential fit (b = {fit.RangeKm:F1} km)", h, h.Select(fit.Gamma).ToArray());
        var models = posteriorMeans.Select(m => new SemivariogramCurve(m.Label, h,
            h.Select(x => 1 - Math.Exp(-Math.Pow(x / m.Mean.LE, m.Mean.GammaE))).ToArray())).ToList();
        return new SemivariogramPlotData(bins, fitted, models);
    }
}
