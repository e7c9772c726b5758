using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Benchmarks;

/// <summary>
/// Sampling block widths compared in one process (<c>quakegrid bench gmf --cases sample</c>): the 10⁶-site factor of the
/// <c>1m</c> case is built once, then E = 100 fields are sampled with each block choice in turn (fixed widths, or auto: balanced blocks) (alternating, repeated),
/// each timed by wall clock and process CPU. Fields do not depend on the width (checked: equal bitwise).
/// </summary>
public static class VecchiaSamplingComparison
{
    /// <summary>Runs the comparison and returns a markdown table.</summary>
    public static string Run(int[] widths, int repeats = 2, TextWriter? progress = null)
    {
        var sites = CorrelationSiteBuilder.FromSites(GmfBenchmarks.Grid(1000, 1000, 0.2, jitter: 0.4));
        var kernel = new JayaramBaker2009Correlation(Imt.Pga, false);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(30, VecchiaOrdering.LevelMorton));
        var factor = VecchiaFactor.Compute(structure, sites, kernel);
        const int events = 100;
        var seeds = new ulong[events];
        for (var e = 0; e < events; e++) seeds[e] = SeedDerivation.Derive(42, e, "gmf-within:PGA");
        var fields = GC.AllocateUninitializedArray<double>(sites.Count * events);
        var first = new double[1000];
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("| sampling (N = 10^6, E = 100, m = 30) | block width | run | wall s | process CPU s |");
        sb.AppendLine("|---|---|---|---|---|");
        var same = true;
        for (var r = 1; r <= repeats; r++)
        {
            foreach (var w in widths)
            {
                progress?.WriteLine($"sampling width {(w == 0 ? "auto" : w)} run {r} ...");
                GC.Collect();
                var proc = Process.GetCurrentProcess();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                VecchiaSampler.Sample(factor, seeds, fields, blockWidth: w);
                var wall = sw.Elapsed.TotalSeconds;
                proc.Refresh();
                var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
                if (r == 1 && w == widths[0]) Array.Copy(fields, (long)sites.Count * events - first.Length, first, 0, first.Length);
                else same &= fields.AsSpan((int)((long)sites.Count * events - first.Length)).SequenceEqual(first);
                sb.AppendLine(string.Create(inv, $"| | {(w == 0 ? "auto" : w.ToString(inv))} | {r} | {wall:F2} | {cpu:F2} |"));
            }
        }
        sb.AppendLine();
        sb.AppendLine(same ? "Last 1,000 values equal bitwise across widths." : "WARNING: fields differ across widths.");
        return sb.ToString();
    }
}
