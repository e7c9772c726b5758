using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;

namespace QuakeGrid.Core.Gp.Benchmarks;

/// <summary>One row of an accuracy table: the options used and the <see cref="VecchiaAccuracyReport"/> (worst errors NaN when not computed).</summary>
public sealed record VecchiaAccuracyRow(int M, NeighbourRule Rule, VecchiaOrdering Ordering, VecchiaAccuracyReport Report);

/// <summary>Accuracy of Vecchia factors against the dense oracle over a range of m, for one site set and kernel.</summary>
public static class VecchiaAccuracyStudy
{
    /// <param name="sites">Sites (N up to a few thousand: the oracle is dense).</param>
    /// <param name="kernel">Kernel.</param>
    /// <param name="neighbourCounts">Values of m.</param>
    /// <param name="rule">Neighbour rule.</param>
    /// <param name="ordering">Ordering.</param>
    /// <param name="scaledFeatures">Order and search in <see cref="VecchiaFeatures"/> space (true) or planar X/Y (false).</param>
    /// <param name="worstErrorFor">Predicate on m: compute the implied covariance (O(N³)) for these m; KL is always computed.</param>
    public static IReadOnlyList<VecchiaAccuracyRow> Run(CorrelationSites sites, ISpatialCorrelation kernel, IEnumerable<int> neighbourCounts,
        NeighbourRule rule = NeighbourRule.Nearest, VecchiaOrdering ordering = VecchiaOrdering.MaxMin, Func<int, bool>? worstErrorFor = null, bool scaledFeatures = false)
    {
        var rows = new List<VecchiaAccuracyRow>();
        double[]? exact = null;
        double[]? dExact = null;
        int[]? orderOfExact = null;
        var coords = scaledFeatures ? VecchiaFeatures.For(sites, kernel) : [sites.X, sites.Y];
        foreach (var m in neighbourCounts)
        {
            var st = VecchiaStructure.Build(coords, new VecchiaOptions(m, ordering, rule));
            if (exact is null || !st.Order.AsSpan().SequenceEqual(orderOfExact))
            {
                exact = VecchiaAccuracy.ExactInSweepOrder(st, sites, kernel);
                dExact = VecchiaAccuracy.ExactConditionalVariances(exact, sites.Count);
                orderOfExact = st.Order;
            }
            var f = VecchiaFactor.Compute(st, sites, kernel);
            VecchiaAccuracyReport rep;
            if (worstErrorFor is null || worstErrorFor(m))
                rep = VecchiaAccuracy.Evaluate(f, exact, dExact!);
            else
                rep = new VecchiaAccuracyReport(VecchiaAccuracy.KlDivergence(f, dExact), double.NaN, double.NaN, double.NaN);
            rows.Add(new VecchiaAccuracyRow(m, rule, ordering, rep));
        }
        return rows;
    }

    /// <summary>Markdown table of <paramref name="rows"/>.</summary>
    public static string ToMarkdown(string title, IEnumerable<VecchiaAccuracyRow> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(title);
        sb.AppendLine();
        sb.AppendLine("| m | rule | ordering | KL (nats) | worst cov error | worst corr error | mean abs cov error |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var p = r.Report;
            sb.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| {r.M} | {r.Rule} | {r.Ordering} | {p.KlDivergence:G4} | {p.WorstCovarianceError:F4} | {p.WorstCorrelationError:F4} | {p.MeanAbsoluteCovarianceError:E2} |"));
        }
        return sb.ToString();
    }
}
