using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Inference.Benchmarks;

/// <summary>
/// Time of one pooled log-likelihood + gradient evaluation for each <see cref="LikelihoodAlgorithm"/> and thread
/// count, measured in one run (interleaved repeats, so machine load affects both alike). Benchmark, not a test.
/// </summary>
public static class LikelihoodBenchmark
{
    /// <summary>One configuration's timings.</summary>
    /// <param name="Algorithm">Per-event algorithm.</param>
    /// <param name="Threads">Maximum degree of parallelism over events.</param>
    /// <param name="MedianMs">Median wall time per evaluation, ms.</param>
    /// <param name="MinMs">Fastest evaluation, ms.</param>
    /// <param name="LogLikelihood">Value at the evaluation point.</param>
    /// <param name="MedianCpuMs">Median process CPU time per evaluation, ms (all threads; less sensitive to machine load than wall time).</param>
    public sealed record Row(LikelihoodAlgorithm Algorithm, int Threads, double MedianMs, double MinMs, double LogLikelihood, double MedianCpuMs);

    /// <summary>
    /// Evaluates <paramref name="repeats"/> times per configuration at natural parameters <paramref name="at"/>
    /// after two untimed evaluations; configurations are interleaved repeat by repeat.
    /// </summary>
    public static IReadOnlyList<Row> Run(PooledResidualData data, CorrelationModelKind kind, KernelParameters at, int repeats, IReadOnlyList<int> threads)
    {
        var q = at.ToUnconstrained(kind);
        var configs = new List<(LikelihoodAlgorithm A, int T, PooledLikelihood L, List<double> Ms, double Ll, List<double> Cpu)>();
        foreach (var t in threads)
        foreach (var a in new[] { LikelihoodAlgorithm.Reference, LikelihoodAlgorithm.Blocked })
            configs.Add((a, t, new PooledLikelihood(data, kind, maxDegreeOfParallelism: t, algorithm: a), new List<double>(), 0, new List<double>()));
        var g = new double[q.Length];
        for (var c = 0; c < configs.Count; c++)
        {
            configs[c].L.Evaluate(q, g);
            var ll = configs[c].L.Evaluate(q, g);
            configs[c] = configs[c] with { Ll = ll };
        }
        for (var r = 0; r < repeats; r++)
        foreach (var c in configs)
        {
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            c.L.Evaluate(q, g);
            c.Ms.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            c.Cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
        return configs.Select(c =>
        {
            var s = c.Ms.Order().ToArray();
            var cpu = c.Cpu.Order().ToArray();
            return new Row(c.A, c.T, s[s.Length / 2], s[0], c.Ll, cpu[cpu.Length / 2]);
        }).ToList();
    }

    /// <summary>Markdown table of <paramref name="rows"/>, with the speed-up over the reference at equal threads.</summary>
    public static string ToMarkdown(IReadOnlyList<Row> rows)
    {
        var sb = new StringBuilder("| algorithm | threads | median ms | min ms | speed-up (median) | median CPU ms | CPU speed-up | log-likelihood |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            var baseRow = rows.First(b => b.Threads == r.Threads && b.Algorithm == LikelihoodAlgorithm.Reference);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Algorithm} | {r.Threads} | {r.MedianMs:F1} | {r.MinMs:F1} | {baseRow.MedianMs / r.MedianMs:F2} | {r.MedianCpuMs:F0} | {baseRow.MedianCpuMs / r.MedianCpuMs:F2} | {r.LogLikelihood:F6} |"));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Median time per phase (fill, factor, solve, inverse, trace) of the serial blocked algorithm over
    /// <paramref name="repeats"/> evaluations at <paramref name="at"/>, after one untimed evaluation.
    /// </summary>
    public static LikelihoodPhaseTimes RunPhases(PooledResidualData data, CorrelationModelKind kind, KernelParameters at, int repeats)
    {
        var q = at.ToUnconstrained(kind);
        var lik = new PooledLikelihood(data, kind, maxDegreeOfParallelism: 1, algorithm: LikelihoodAlgorithm.Blocked);
        var g = new double[q.Length];
        lik.EvaluateWithPhaseTimes(q, g);
        var runs = Enumerable.Range(0, repeats).Select(_ => lik.EvaluateWithPhaseTimes(q, g).Times).ToList();
        static double Median(IEnumerable<double> v) { var a = v.Order().ToArray(); return a[a.Length / 2]; }
        return new LikelihoodPhaseTimes(Median(runs.Select(r => r.FillMs)), Median(runs.Select(r => r.FactorMs)),
            Median(runs.Select(r => r.SolveMs)), Median(runs.Select(r => r.InverseMs)), Median(runs.Select(r => r.TraceMs)));
    }

    /// <summary>
    /// Markdown table of <paramref name="t"/> with the multiply-add rate of the factor (Σn³/6) and the inverse (Σn³/3).
    /// </summary>
    public static string ToMarkdown(LikelihoodPhaseTimes t, PooledResidualData data)
    {
        var n3 = data.Events.Sum(e => (double)e.Count * e.Count * e.Count);
        var total = t.FillMs + t.FactorMs + t.SolveMs + t.InverseMs + t.TraceMs;
        var sb = new StringBuilder("| phase (serial, blocked) | median ms | share | GFLOP/s |\n|---|---|---|---|\n");
        void Row(string name, double ms, double flops) => sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {ms:F2} | {100 * ms / total:F0} % | {(flops > 0 ? (flops / (ms * 1e6)).ToString("F1", CultureInfo.InvariantCulture) : "")} |"));
        Row("kernel fill", t.FillMs, 0);
        Row("Cholesky factor", t.FactorMs, 2 * n3 / 6);
        Row("solve + log-density", t.SolveMs, 0);
        Row("explicit inverse", t.InverseMs, 2 * n3 / 3);
        Row("trace pass", t.TraceMs, 0);
        Row("total", total, 0);
        return sb.ToString();
    }
}
