using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Inference.Scoring;

/// <summary>Log pointwise (per-event) predictive density of a model over a set of events.</summary>
/// <param name="Model">Model label (E, EA, EAS, independent, semivariogram).</param>
/// <param name="Total">LPPD = Σ_events ln((1/R) Σ_r p(z_e | θ_r)).</param>
/// <param name="PerEvent">Per-event terms, ascending event-id order.</param>
/// <param name="Draws">Number R of parameter draws used (1 for point estimates).</param>
public sealed record LppdResult(string Model, double Total, double[] PerEvent, int Draws)
{
    /// <summary>The paper's gain over a reference (usually the independent model): (1 − LPPD/LPPD_ref)·100 %.</summary>
    public double GainOverPercent(LppdResult reference) => (1 - Total / reference.Total) * 100;
}

/// <summary>
/// LPPD of Bodenmann et al. (2023, Eq. 13) with the log-sum-exp trick: per event ln mean_r exp(ℓ_e(θ_r)).
/// The per-draw likelihoods use the exact pooled likelihood (nugget included).
/// </summary>
public static class Lppd
{
    /// <summary>LPPD of <paramref name="likelihood"/>'s model under the given unconstrained draws.</summary>
    public static LppdResult Compute(PooledLikelihood likelihood, IReadOnlyList<double[]> unconstrainedDraws, string? model = null)
    {
        if (unconstrainedDraws.Count == 0) throw new ArgumentException("need at least one draw", nameof(unconstrainedDraws));
        var ne = likelihood.Data.Events.Count;
        var r = unconstrainedDraws.Count;
        var ll = new double[r][];
        for (var k = 0; k < r; k++) ll[k] = likelihood.EventLogLikelihoods(unconstrainedDraws[k]);
        var per = new double[ne];
        for (var e = 0; e < ne; e++)
        {
            var m = double.NegativeInfinity;
            for (var k = 0; k < r; k++) m = Math.Max(m, ll[k][e]);
            if (double.IsNegativeInfinity(m)) { per[e] = m; continue; }
            var s = 0.0;
            for (var k = 0; k < r; k++) s += Math.Exp(ll[k][e] - m);
            per[e] = m + Math.Log(s / r);
        }
        return new LppdResult(model ?? likelihood.Kind.ToString(), Sum(per), per, r);
    }

    /// <summary>LPPD of the independent model z ~ N(0, (1 + nugget) I) (no parameters).</summary>
    public static LppdResult Independent(PooledResidualData data, double nugget = PooledLikelihood.DefaultNugget)
    {
        var per = data.Events.Select(e => PooledLikelihood.IndependentEventLogLikelihood(e, nugget)).ToArray();
        return new LppdResult("independent", Sum(per), per, 1);
    }

    /// <summary>Takes every k-th draw so that at most <paramref name="maxDraws"/> remain (deterministic thinning).</summary>
    public static IReadOnlyList<double[]> Thin(IReadOnlyList<double[]> draws, int maxDraws)
    {
        if (draws.Count <= maxDraws) return draws;
        var step = (double)draws.Count / maxDraws;
        return Enumerable.Range(0, maxDraws).Select(i => draws[(int)(i * step)]).ToArray();
    }

    private static double Sum(double[] a) { var s = 0.0; foreach (var v in a) s += v; return s; }
}
