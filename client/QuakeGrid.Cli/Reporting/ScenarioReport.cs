using System.Globalization;
using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using Spectre.Console;

namespace QuakeGrid.Cli.Reporting;

/// <summary>Console tables printed after a scenario: median statistics per IMT and the demo's plausibility check.</summary>
public static class ScenarioReport
{
    public static string Unit(Imt imt) => imt.Kind == ImtKind.Pgv ? "cm/s" : "g";

    public static void PrintSummary(IAnsiConsole console, IReadOnlyList<NamedImt> imts, GmmResult result)
    {
        var table = new Table().Title("Median ground motion over all sites");
        table.AddColumns("IMT", "unit", "min", "median", "max", "mean sigma (ln)");
        for (var k = 0; k < imts.Count; k++)
        {
            var ln = result.LnMedian[k];
            var sorted = ln.ToArray();
            Array.Sort(sorted);
            table.AddRow(
                Markup.Escape(imts[k].Label), Unit(imts[k].Imt),
                F(Math.Exp(sorted[0])), F(Math.Exp(Quantiles.Sorted(sorted, 0.5))), F(Math.Exp(sorted[^1])),
                result.Sigma[k].Average().ToString("0.000", CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }

    public static void PrintPlausibility(IAnsiConsole console, IReadOnlyList<(string Label, RatioStatistics Stats)> rows)
    {
        if (rows.Count == 0) return;
        var table = new Table().Title("Plausibility: QuakeGrid median / case-study 'medianim'");
        table.AddColumns("IMT", "sites", "geo. mean ratio", "median ratio", "5 %", "95 %", "std ln ratio");
        foreach (var (label, s) in rows)
            table.AddRow(Markup.Escape(label), s.Count.ToString(CultureInfo.InvariantCulture), F(s.GeometricMean), F(s.Median), F(s.P05), F(s.P95),
                s.StdLn.ToString("0.000", CultureInfo.InvariantCulture));
        console.Write(table);
        // Plain line (not a caption) so that it is never re-wrapped.
        console.Profile.Out.Writer.WriteLine(PlausibilityNote);
    }

    /// <summary>Printed under the plausibility table.</summary>
    public const string PlausibilityNote =
        "Note: 'medianim' in the Bodenmann et al. sample comes from an unknown GMM mix; this is a plausibility check only, not a verification.";

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
