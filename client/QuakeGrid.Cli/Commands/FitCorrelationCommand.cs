using System.CommandLine;
using System.Globalization;
using QuakeGrid.Cli.Inference;
using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Output;
using QuakeGrid.Core.Inference.Priors;
using QuakeGrid.Core.Inference.Sampling;
using QuakeGrid.Core.IO.Residuals;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Inference;
using Spectre.Console;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid fit-correlation</c>: MAP (L-BFGS) and NUTS posterior of the Bodenmann et al. (2023) correlation
/// hyperparameters from a residual file (<see cref="CorrelationFitter"/>), with diagnostics, LPPD and the
/// semivariogram baseline. Files are written to a staging folder and moved into the output folder only when all
/// are complete.
/// <para>
/// With <c>--cluster &lt;redis&gt;</c> (or <c>--embedded</c>: an in-process silo) each event's residuals live in an
/// <c>EventResidualGrain</c> and the MAP (L-BFGS) and NUTS evaluate the likelihood through
/// <see cref="DistributedPooledLikelihood"/>: the coordinator (this process) sends the parameters to every event grain
/// and sums the per-event log-likelihoods and gradients in ascending event-id order, the order of the local
/// <see cref="Core.Inference.Likelihood.PooledLikelihood"/>, so the outputs are bit-identical to the local run (tested).
/// NUTS chains call the likelihood synchronously from parallel pool threads, each blocking on its grain calls; the
/// thread pool's minimum is raised to chains + processors + 4 so that the grain calls' continuations (and, embedded,
/// the grains themselves) always find a thread. LPPD and the semivariogram baseline are computed locally.
/// </para>
/// </summary>
public static class FitCorrelationCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment env, Option<string?> cluster)
    {
        var data = new Option<string>("--data") { Description = "Residual CSV (recid,eqid,...,epi_azimuth [rad],vs30,scaled_deltaW).", Required = true };
        var model = new Option<string>("--model") { Description = "Correlation model: E, EA or EAS.", Required = true };
        var mapOnly = new Option<bool>("--map-only") { Description = "Only the MAP estimate (map.csv, lppd.csv of the MAP, semivariogram); no NUTS." };
        var chains = new Option<int>("--chains") { Description = "NUTS chains (run in parallel).", DefaultValueFactory = _ => 4 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up iterations per chain.", DefaultValueFactory = _ => 1000 };
        var draws = new Option<int>("--draws") { Description = "Post-warm-up draws per chain.", DefaultValueFactory = _ => 1000 };
        var priors = new Option<string?>("--priors") { Description = "JSON prior configuration (defaults: Bodenmann et al. 2023)." };
        var seed = new Option<ulong>("--seed") { Description = "Job seed; chain c uses a stream derived from (seed, c).", Required = true };
        var output = new Option<string>("--output") { Description = "Output folder.", Required = true };
        var metric = new Option<string>("--metric")
        {
            Description = "NUTS metric adapted in warm-up: diag (default, as in Stan) or dense (full covariance; fewer leapfrog steps when parameters are correlated).",
            DefaultValueFactory = _ => "diag",
        };
        var embedded = new Option<bool>("--embedded")
        {
            Description = "Evaluate the likelihood through event grains on an in-process silo (the --cluster code path without a cluster).",
        };
        var command = new Command("fit-correlation", "Bayesian inference of spatial-correlation hyperparameters (models E, EA, EAS) from within-event residuals.");
        foreach (var o in new Option[] { data, model, mapOnly, chains, warmup, draws, priors, seed, output, metric, embedded }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync(env, parse.GetRequiredValue(data), parse.GetRequiredValue(model), parse.GetValue(mapOnly),
            parse.GetValue(chains), parse.GetValue(warmup), parse.GetValue(draws), parse.GetValue(priors), parse.GetRequiredValue(seed),
            parse.GetRequiredValue(output), parse.GetValue(metric)!, new Placement(parse.GetValue(cluster), parse.GetValue(embedded)), ct));
        return command;
    }

    /// <summary>Where the likelihood is evaluated: locally (both unset), on the cluster in <paramref name="Cluster"/>, or on an embedded silo.</summary>
    private sealed record Placement(string? Cluster, bool Embedded)
    {
        public bool Distributed => Embedded || !string.IsNullOrWhiteSpace(Cluster);
    }

    private static async Task<int> RunAsync(CliEnvironment env, string dataPath, string modelText, bool mapOnly, int chains, int warmup, int draws,
        string? priorsPath, ulong seed, string outputDir, string metric, Placement placement, CancellationToken ct)
    {
        if (placement.Embedded && !string.IsNullOrWhiteSpace(placement.Cluster))
            throw new QuakeGridInputException("--embedded", null, null, "give either --embedded or --cluster, not both");
        if (metric is not ("diag" or "dense")) throw new QuakeGridInputException("--metric", metric, null, "expected diag or dense");
        var kind = CorrelationCliInputs.ParseModel(modelText);
        if (chains < 1) throw new QuakeGridInputException("--chains", chains.ToString(CultureInfo.InvariantCulture), null, "must be at least 1");
        if (warmup < 0) throw new QuakeGridInputException("--warmup", warmup.ToString(CultureInfo.InvariantCulture), null, "must not be negative");
        if (draws < 1) throw new QuakeGridInputException("--draws", draws.ToString(CultureInfo.InvariantCulture), null, "must be at least 1");
        var priors = priorsPath is null ? CorrelationPriors.Default : CorrelationPriorsConfig.Read(priorsPath);
        var data = PooledResidualData.FromTable(ResidualTableReader.Read(dataPath));
        var nuts = new NutsSettings { Chains = chains, Warmup = warmup, Draws = draws, DenseMetric = metric == "dense" };
        if (!mapOnly)
        {
            try { nuts.Validate(); }
            catch (ArgumentException e) { throw new QuakeGridInputException("--warmup/--draws", $"{warmup}+{draws}", null, e.Message); }
        }
        var options = new CorrelationFitOptions { Model = kind, Priors = priors, Nuts = nuts, Seed = seed, MapOnly = mapOnly };

        env.Out.WriteLine($"fit-correlation: model {kind}, {data.Events.Count} events, {data.RecordCount} records" +
                          (mapOnly ? ", MAP only" : $", NUTS {chains} chains x ({warmup} + {draws})"));
        var progress = new LineProgress(env.Out);
        CorrelationFitResult fit;
        if (placement.Distributed)
        {
            await using var connection = await ClusterOption.ConnectAsync(placement.Embedded ? null : placement.Cluster, ct).ConfigureAwait(false);
            var dataset = "fit-correlation-" + Guid.NewGuid().ToString("N");
            var likelihood = await DistributedPooledLikelihood.LoadAsync(connection.Client, dataset, data, kind).ConfigureAwait(false);
            env.Out.WriteLine($"likelihood: {data.Events.Count} event grains {(connection.IsEmbedded ? "on the embedded silo" : "on the cluster")} (data set {dataset})");
            EnsurePoolThreads(chains);
            fit = await Task.Run(() => CorrelationFitter.Fit(data, options, progress, likelihood), ct).ConfigureAwait(false);
        }
        else
        {
            fit = CorrelationFitter.Fit(data, options, progress);
        }

        WriteOutputs(fit, outputDir);
        PrintResults(env, fit);
        env.Out.WriteLine($"outputs -> {Path.GetFullPath(outputDir)}");
        return ExitCodes.Success;
    }

    private static void WriteOutputs(CorrelationFitResult fit, string outputDir)
    {
        var target = Path.GetFullPath(outputDir);
        Directory.CreateDirectory(target);
        var staging = Path.Combine(target, ".fit-correlation-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var written = CorrelationFitWriter.WriteAll(fit, staging).Select(Path.GetFileName).ToList();
            if (fit.Nuts is null) { File.Delete(Path.Combine(staging, "posterior.csv")); written.Remove("posterior.csv"); }
            void Png(string name, byte[] bytes) { File.WriteAllBytes(Path.Combine(staging, name), bytes); written.Add(name); }
            Png("semivariogram.png", CorrelationFitPlots.SemivariogramPng(fit));
            if (fit.Nuts is not null)
            {
                Png("trace.png", CorrelationFitPlots.TracePng(fit));
                Png("posterior_histograms.png", CorrelationFitPlots.HistogramPng(fit));
            }
            foreach (var name in written) File.Move(Path.Combine(staging, name!), Path.Combine(target, name!), overwrite: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static void PrintResults(CliEnvironment env, CorrelationFitResult fit)
    {
        static string F(double v, string fmt = "G4") => v.ToString(fmt, CultureInfo.InvariantCulture);
        var console = env.Console;
        var map = fit.Map.Parameters.ToArray(fit.Model);
        if (fit.Summary is { } s)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"Posterior, model {fit.Model} ({fit.Nuts!.Divergences} divergences)");
            foreach (var h in new[] { "param", "MAP", "mean", "sd", "q05", "q50", "q95", "R-hat", "ESS_bulk", "ESS_tail" })
                table.AddColumn(new TableColumn(h).Padding(0, 0, 1, 0));
            for (var k = 0; k < s.Parameters.Count; k++)
            {
                var p = s.Parameters[k];
                table.AddRow(p.Name, F(map[k]), F(p.Mean), F(p.Sd), F(p.Q05), F(p.Q50), F(p.Q95), F(p.Rhat, "F3"), F(p.EssBulk, "F0"), F(p.EssTail, "F0"));
            }
            console.Write(table);
            env.Out.WriteLine($"divergences: {fit.Nuts.Divergences}, gradient evaluations: {fit.Timing.GradientEvaluations}, NUTS {F(fit.Timing.NutsSeconds, "F1")} s");
            var leap = fit.Nuts.Chains.Average(c => c.Leapfrogs.Average());
            var depth = fit.Nuts.Chains.Average(c => c.TreeDepth.Average());
            env.Out.WriteLine($"mean tree depth (draws): {F(depth, "F2")}, leapfrogs per draw: {F(leap, "F2")}, NUTS time per gradient: {F(1000 * fit.Timing.NutsSeconds / Math.Max(1, fit.Timing.GradientEvaluations), "F1")} ms");
        }
        else
        {
            var table = new Table().Title($"MAP, model {fit.Model}");
            table.AddColumn("parameter");
            table.AddColumn("MAP");
            for (var k = 0; k < map.Length; k++) table.AddRow(fit.ParameterNames[k], F(map[k]));
            console.Write(table);
        }
        var lppd = new Table().Title("LPPD");
        foreach (var h in new[] { "model", "LPPD", "gain vs independent (%)", "draws" }) lppd.AddColumn(h);
        foreach (var l in new[] { fit.Lppd, fit.Independent, fit.SemivariogramBaseline })
            lppd.AddRow(l.Model, F(l.Total, "F2"), F(l.GainOverPercent(fit.Independent), "F2"), l.Draws.ToString(CultureInfo.InvariantCulture));
        console.Write(lppd);
    }

    /// <summary>
    /// NUTS chains block pool threads on their grain calls: make sure the pool has a thread for every chain plus the
    /// processors (grain work and call continuations) without waiting for the pool's slow thread injection.
    /// </summary>
    private static void EnsurePoolThreads(int chains)
    {
        ThreadPool.GetMinThreads(out var worker, out var io);
        var need = chains + Environment.ProcessorCount + 4;
        if (worker < need) ThreadPool.SetMinThreads(need, io);
    }

    /// <summary>Writes Core's progress messages as lines, synchronously on the reporting thread (chains report in parallel).</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        private readonly Lock _gate = new();

        public void Report(string value)
        {
            lock (_gate) writer.WriteLine(value);
        }
    }
}
