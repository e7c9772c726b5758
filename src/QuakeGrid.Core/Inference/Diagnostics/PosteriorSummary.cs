namespace QuakeGrid.Core.Inference.Diagnostics;

/// <summary>Posterior summary of one parameter (natural units): the columns of <c>summary.csv</c>.</summary>
public sealed record ParameterSummary(string Name, double Mean, double Sd, double Q05, double Q50, double Q95, double Rhat, double EssBulk, double EssTail);

/// <summary>Summaries of all parameters plus the sampler's divergence count.</summary>
/// <param name="Parameters">One row per parameter.</param>
/// <param name="Divergences">Post-warm-up divergent transitions over all chains.</param>
/// <param name="Chains">Number of chains.</param>
/// <param name="DrawsPerChain">Kept draws per chain.</param>
public sealed record PosteriorSummary(IReadOnlyList<ParameterSummary> Parameters, int Divergences, int Chains, int DrawsPerChain)
{
    /// <summary>Summarises draws given as [parameter][chain][draw].</summary>
    public static PosteriorSummary Compute(IReadOnlyList<string> names, IReadOnlyList<double[][]> draws, int divergences)
    {
        var rows = new List<ParameterSummary>();
        for (var k = 0; k < names.Count; k++)
        {
            var x = draws[k];
            var all = x.SelectMany(c => c).ToArray();
            var mean = all.Average();
            var sd = Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / (all.Length - 1));
            var sorted = (double[])all.Clone();
            Array.Sort(sorted);
            rows.Add(new ParameterSummary(names[k], mean, sd,
                ConvergenceDiagnostics.QuantileSorted(sorted, 0.05), ConvergenceDiagnostics.QuantileSorted(sorted, 0.5),
                ConvergenceDiagnostics.QuantileSorted(sorted, 0.95),
                ConvergenceDiagnostics.Rhat(x), ConvergenceDiagnostics.EssBulk(x), ConvergenceDiagnostics.EssTail(x)));
        }
        return new PosteriorSummary(rows, divergences, draws[0].Length, draws[0][0].Length);
    }

    /// <summary>Row of <paramref name="name"/>.</summary>
    public ParameterSummary this[string name] => Parameters.First(p => p.Name == name);
}
