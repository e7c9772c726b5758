using System.Globalization;
using System.Text;

namespace QuakeGrid.Core.Inference.Output;

/// <summary>
/// Writes a <see cref="CorrelationFitResult"/> as the CSV files of <c>quakegrid fit-correlation</c>:
/// <c>posterior.csv</c> (one column per parameter, rows chain-major; with <c>--map-only</c> the single MAP row),
/// <c>map.csv</c> (same header, one row), <c>summary.csv</c> (parameter,mean,sd,q05,q50,q95,rhat,ess_bulk,ess_tail;
/// only after NUTS), <c>lppd.csv</c> (model,lppd,gain_percent,draws for the model, the independent model and the
/// semivariogram baseline), <c>diagnostics.csv</c> (per chain: step size, divergences, mean acceptance, mean tree depth,
/// gradient evaluations) and <c>semivariogram.csv</c> (bins and model curves for the figure). Invariant culture,
/// round-trip precision.
/// </summary>
public static class CorrelationFitWriter
{
    /// <summary>Writes all files into <paramref name="directory"/> (created if needed); returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(CorrelationFitResult fit, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Write(string name, string text) { var p = Path.Combine(directory, name); File.WriteAllText(p, text); written.Add(p); }

        var header = string.Join(',', fit.ParameterNames);
        var sb = new StringBuilder().Append(header).Append('\n');
        foreach (var row in fit.PosteriorDraws) sb.Append(Join(row)).Append('\n');
        Write("posterior.csv", sb.ToString());
        Write("map.csv", header + "\n" + Join(fit.Map.Parameters.ToArray(fit.Model)) + "\n");

        if (fit.Summary is { } s)
        {
            sb.Clear().Append("parameter,mean,sd,q05,q50,q95,rhat,ess_bulk,ess_tail\n");
            foreach (var p in s.Parameters)
                sb.Append(p.Name).Append(',').Append(Join(new[] { p.Mean, p.Sd, p.Q05, p.Q50, p.Q95, p.Rhat, p.EssBulk, p.EssTail })).Append('\n');
            Write("summary.csv", sb.ToString());
        }

        sb.Clear().Append("model,lppd,gain_percent,draws\n");
        foreach (var l in new[] { fit.Lppd, fit.Independent, fit.SemivariogramBaseline })
            sb.Append(l.Model).Append(',').Append(F(l.Total)).Append(',').Append(F(l.GainOverPercent(fit.Independent))).Append(',').Append(l.Draws).Append('\n');
        Write("lppd.csv", sb.ToString());

        if (fit.Nuts is { } nuts)
        {
            sb.Clear().Append("chain,step_size,divergences,warmup_divergences,mean_accept_stat,mean_tree_depth,gradient_evaluations\n");
            for (var c = 0; c < nuts.Chains.Length; c++)
            {
                var ch = nuts.Chains[c];
                sb.Append(c).Append(',').Append(F(ch.StepSize)).Append(',').Append(ch.Divergences).Append(',').Append(ch.WarmupDivergences)
                  .Append(',').Append(F(ch.AcceptStat.Average())).Append(',').Append(F(ch.TreeDepth.Average())).Append(',')
                  .Append(ch.GradientEvaluations).Append('\n');
            }
            Write("diagnostics.csv", sb.ToString());
        }

        sb.Clear().Append("kind,label,distance_km,gamma,pairs\n");
        foreach (var b in fit.Plot.Bins) sb.Append("empirical,bin,").Append(F(b.MeanDistanceKm)).Append(',').Append(F(b.Gamma)).Append(',').Append(b.Pairs).Append('\n');
        foreach (var c in new[] { fit.Plot.Fitted }.Concat(fit.Plot.PosteriorMeanModels))
            for (var i = 0; i < c.DistanceKm.Length; i++)
                sb.Append("model,\"").Append(c.Label.Replace("\"", "\"\"")).Append("\",").Append(F(c.DistanceKm[i])).Append(',').Append(F(c.Gamma[i])).Append(",\n");
        Write("semivariogram.csv", sb.ToString());
        return written;
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static string Join(IEnumerable<double> v) => string.Join(',', v.Select(F));
}
