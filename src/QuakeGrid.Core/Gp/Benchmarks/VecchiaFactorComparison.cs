using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gp.Benchmarks;

/// <summary>
/// Old-versus-new Vecchia factor in one process (<c>quakegrid bench gmf --cases factor</c>): the 10⁶ jittered-grid
/// structure of the <c>1m</c> case is built once, then the scalar reference factor (scalar kernel, row-oriented scalar
/// Cholesky) and the SIMD factor alternate, each timed by wall clock and process CPU; the report also gives the largest
/// differences between their weights and conditional variances.
/// </summary>
public static class VecchiaFactorComparison
{
    /// <summary>Runs <paramref name="repeats"/> alternations and returns a markdown table.</summary>
    public static string Run(int repeats = 2, TextWriter? progress = null)
    {
        var sites = CorrelationSiteBuilder.FromSites(GmfBenchmarks.Grid(1000, 1000, 0.2, jitter: 0.4));
        var kernel = new JayaramBaker2009Correlation(Imt.Pga, false);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(30, VecchiaOrdering.LevelMorton));
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("| factor (N = 10^6, m = 30, JB2009 PGA) | run | wall s | process CPU s |");
        sb.AppendLine("|---|---|---|---|");
        VecchiaFactor? oldF = null, newF = null;
        var ratios = new List<double>();
        for (var r = 1; r <= repeats; r++)
        {
            double oldCpu = 0;
            foreach (var reference in new[] { true, false })
            {
                progress?.WriteLine($"factor {(reference ? "reference" : "SIMD")} run {r} ...");
                GC.Collect();
                var proc = Process.GetCurrentProcess();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var f = VecchiaFactor.ComputeAll(structure, sites, kernel, 0.0, -1, reference);
                var wall = sw.Elapsed.TotalSeconds;
                proc.Refresh();
                var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
                if (reference) { oldF = f; oldCpu = cpu; } else { newF = f; ratios.Add(cpu / oldCpu); }
                sb.AppendLine(string.Create(inv, $"| {(reference ? "scalar reference" : "SIMD")} | {r} | {wall:F2} | {cpu:F2} |"));
            }
        }
        double maxB = 0, maxD = 0;
        for (var k = 0; k < newF!.Weights.Length; k++) maxB = Math.Max(maxB, Math.Abs(newF.Weights[k] - oldF!.Weights[k]));
        for (var k = 0; k < newF.ConditionalVariance.Length; k++) maxD = Math.Max(maxD, Math.Abs(newF.ConditionalVariance[k] - oldF!.ConditionalVariance[k]));
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"CPU ratio SIMD / reference: {string.Join(", ", ratios.Select(x => x.ToString("F3", inv)))}; max |Δb| = {maxB:E2}, max |Δd| = {maxD:E2}"));
        return sb.ToString();
    }
}
