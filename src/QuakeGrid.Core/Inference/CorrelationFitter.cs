using System.Diagnostics;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Diagnostics;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Inference.Optimisation;
using QuakeGrid.Core.Inference.Sampling;
using QuakeGrid.Core.Inference.Scoring;
using QuakeGrid.Core.Inference.Variogram;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Inference;

/// <summary>
/// Fits a Bodenmann et al. (2023) correlation model to pooled residuals: MAP by L-BFGS from
/// <see cref="CorrelationFitOptions.Reference"/>, then NUTS initialised around the MAP, posterior summary with
/// diagnostics, in-sample LPPD against the independent model, and the semivariogram baseline.
/// </summary>
public static class CorrelationFitter
{
    /// <summary>Runs the fit.</summary>
    public static CorrelationFitResult Fit(PooledResidualData data, CorrelationFitOptions options, IProgress<string>? progress = null) =>
        Fit(data, options, progress, likelihood: null);

    /// <summary>
    /// Runs the fit with the MAP (L-BFGS), the timed evaluation and NUTS on <paramref name="likelihood"/> (e.g. the
    /// distributed likelihood of the cluster; null: the local <see cref="PooledLikelihood"/> of <paramref name="data"/>).
    /// It must be the likelihood of <paramref name="data"/> with the options' model and the default nugget. The LPPD,
    /// the independent model and the semivariogram baseline are computed locally from <paramref name="data"/>.
    /// </summary>
    public static CorrelationFitResult Fit(PooledResidualData data, CorrelationFitOptions options, IProgress<string>? progress, IPooledLikelihood? likelihood)
    {
        var kind = options.Model;
        var names = CorrelationModels.ParameterNames(kind);
        var local = new PooledLikelihood(data, kind, maxDegreeOfParallelism: options.MaxDegreeOfParallelism);
        if (likelihood is not null && (likelihood.Kind != kind || likelihood.Nugget != local.Nugget))
            throw new ArgumentException($"the likelihood is of model {likelihood.Kind} with nugget {likelihood.Nugget}, the fit needs {kind} with {local.Nugget}", nameof(likelihood));
        IPooledLikelihood lik = likelihood ?? local;
        var post = new CorrelationPosterior(lik, options.Priors);

        var sw = Stopwatch.StartNew();
        var map = FindMap(post);
        var mapSeconds = sw.Elapsed.TotalSeconds;
        progress?.Report($"MAP {string.Join(", ", names.Zip(map.Parameters.ToArray(kind), (n, v) => $"{n}={v:G4}"))} ({map.Optimiser.Iterations} iterations)");

        // Time one likelihood+gradient evaluation (median of 3).
        var g = new double[lik.Dimension];
        var t = new double[3];
        for (var i = 0; i < 3; i++) { sw.Restart(); lik.Evaluate(map.Unconstrained, g); t[i] = sw.Elapsed.TotalSeconds; }
        Array.Sort(t);

        NutsResult? nuts = null;
        PosteriorSummary? summary = null;
        double[][] draws;
        IReadOnlyList<double[]> unconstrained;
        var nutsSeconds = 0.0;
        if (!options.MapOnly)
        {
            sw.Restart();
            nuts = NutsSampler.Sample(post, options.Nuts, options.Seed, map.Unconstrained, progress);
            nutsSeconds = sw.Elapsed.TotalSeconds;
            unconstrained = nuts.Chains.SelectMany(c => c.Draws).ToArray();
            draws = unconstrained.Select(q => KernelParameters.FromUnconstrained(kind, q).ToArray(kind)).ToArray();
            var perParam = new List<double[][]>();
            for (var k = 0; k < names.Length; k++)
            {
                var kk = k;
                perParam.Add(nuts.Map(q => KernelParameters.FromUnconstrained(kind, q).ToArray(kind)[kk]));
            }
            summary = PosteriorSummary.Compute(names, perParam, nuts.Divergences);
        }
        else
        {
            unconstrained = new[] { map.Unconstrained };
            draws = new[] { map.Parameters.ToArray(kind) };
        }

        sw.Restart();
        var lppd = Lppd.Compute(local, Lppd.Thin(unconstrained, options.MaxLppdDraws));
        var independent = Lppd.Independent(data, local.Nugget);
        var bins = EmpiricalSemivariogram.Compute(data, options.SemivariogramBinKm, options.SemivariogramMaxKm);
        var fit = ExponentialVariogramFit.Fit(bins);
        var baseline = SemivariogramBaselineLppd(data, fit, local.Nugget);
        var meanParams = summary is null ? map.Parameters : KernelParameters.FromArray(kind, summary.Parameters.Select(p => p.Mean).ToArray());
        var plot = SemivariogramPlotData.Build(bins, fit, new[] { ($"{kind} posterior mean", meanParams) });
        var lppdSeconds = sw.Elapsed.TotalSeconds;

        var evals = nuts?.Chains.Sum(c => c.GradientEvaluations) ?? 0;
        return new CorrelationFitResult(kind, names, map, nuts, summary, draws, lppd, independent, baseline, fit, plot,
            new FitTiming(mapSeconds, nutsSeconds, lppdSeconds, evals, t[1]));
    }

    /// <summary>MAP of <paramref name="posterior"/> by L-BFGS from the reference point.</summary>
    public static MapEstimate FindMap(CorrelationPosterior posterior)
    {
        var kind = posterior.Likelihood.Kind;
        var start = CorrelationFitOptions.Reference.ToUnconstrained(kind);
        var opt = Lbfgs.Maximise(posterior, start);
        var ll = posterior.Likelihood.Evaluate(opt.Point, Span<double>.Empty);
        return new MapEstimate(KernelParameters.FromUnconstrained(kind, opt.Point), opt.Point, opt.Value, ll, opt);
    }

    /// <summary>
    /// LPPD of the traditional model: the exponential semivariogram γ(h) = 1 − exp(−3h/b) is the correlation
    /// ρ = exp(−3 d_E / b), i.e. model E with LE = b/3 and gammaE = 1, used as a single point estimate.
    /// </summary>
    public static LppdResult SemivariogramBaselineLppd(PooledResidualData data, ExponentialVariogramFit fit, double nugget = PooledLikelihood.DefaultNugget)
    {
        var lik = new PooledLikelihood(data, CorrelationModelKind.E, nugget);
        var q = new KernelParameters(fit.RangeKm / 3, 1.0).ToUnconstrained(CorrelationModelKind.E);
        return Lppd.Compute(lik, new[] { q }, "semivariogram");
    }

    /// <summary>
    /// Leave-events-out cross-validation: events split into <paramref name="folds"/> folds by
    /// <see cref="EventFolds"/>; for each fold the model is fitted on the rest and the held-out events are scored.
    /// Returns the summed out-of-sample LPPD of the model, the independent model and the semivariogram baseline
    /// (its variogram also fitted on the training events only). Fold f is fitted with the seed
    /// <c>SeedDerivation.Derive(seed, f, "cv-fold-fit")</c>.
    /// </summary>
    public static (LppdResult Model, LppdResult Independent, LppdResult Baseline) CrossValidate(PooledResidualData data, CorrelationFitOptions options, int folds = 5)
    {
        var assign = EventFolds.Assign(data.Events.Select(e => e.EqId), folds, options.Seed);
        var per = new Dictionary<long, (double M, double I, double B)>();
        var draws = 0;
        for (var f = 0; f < folds; f++)
        {
            var ff = f;
            var train = data.Where(id => assign[id] != ff);
            var test = data.Where(id => assign[id] == ff);
            var fit = Fit(train, options with { Seed = SeedDerivation.Derive(options.Seed, f, "cv-fold-fit") });
            var unconstrained = fit.PosteriorDraws.Select(x => KernelParameters.FromArray(options.Model, x).ToUnconstrained(options.Model)).ToArray();
            var testLik = new PooledLikelihood(test, options.Model, maxDegreeOfParallelism: options.MaxDegreeOfParallelism);
            var m = Lppd.Compute(testLik, Lppd.Thin(unconstrained, options.MaxLppdDraws));
            draws = m.Draws;
            var ind = Lppd.Independent(test, testLik.Nugget);
            var b = SemivariogramBaselineLppd(test, fit.VariogramFit, testLik.Nugget);
            for (var e = 0; e < test.Events.Count; e++) per[test.Events[e].EqId] = (m.PerEvent[e], ind.PerEvent[e], b.PerEvent[e]);
        }
        var ids = per.Keys.OrderBy(x => x).ToArray();
        LppdResult Make(string name, Func<(double M, double I, double B), double> pick, int r)
        {
            var v = ids.Select(id => pick(per[id])).ToArray();
            return new LppdResult(name, v.Sum(), v, r);
        }
        return (Make(options.Model.ToString(), x => x.M, draws), Make("independent", x => x.I, 1), Make("semivariogram", x => x.B, 1));
    }
}
