using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuakeGrid.Cli.Hazard;
using QuakeGrid.Cli.Reporting;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Validation;
using Spectre.Console;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// <c>quakegrid hazard &lt;job.ini&gt; [--output dir]</c> and <c>quakegrid hazard --demo</c>: probabilistic seismic hazard
/// for an OpenQuake job (<c>calculation_mode = classical</c> or <c>event_based</c>). Jobs of either mode run through the
/// hazard job grains: on an embedded silo by default, on a running cluster with <c>--cluster &lt;redis&gt;</c>, or with the
/// Core calculator in this process with <c>--in-process</c>. Writes the OpenQuake-compatible curve and map CSVs, the event set, a GeoJSON map and PNG maps
/// (<see cref="HazardOutputs"/>); job warnings (unknown keys) go to standard error.
/// </summary>
public static class HazardCommand
{
    public const string DefaultOutput = "out/hazard";

    public static Command Create(CliEnvironment env, Option<string?> cluster)
    {
        var job = new Argument<string?>("job.ini") { Description = "OpenQuake job file (classical or event_based).", Arity = ArgumentArity.ZeroOrOne };
        var demo = new Option<bool>("--demo") { Description = "Run the bundled Nepal event-based demo (JB2009 correlation, 0.1° grid, BSSA14)." };
        var output = new Option<string>("--output") { Description = $"Output folder (default {DefaultOutput}).", DefaultValueFactory = _ => DefaultOutput };
        var threads = new Option<int?>("--threads") { Description = "In process: worker threads (default: all processors). On a cluster: most work items (tile x rupture batch) in flight." };
        var inProcess = new Option<bool>("--in-process") { Description = "Run the job with the Core calculator in this process instead of through the cluster grains." };
        var tileSize = new Option<int>("--tile-size") { Description = $"Cluster runs: sites per region tile (default {HazardJobOptions.DefaultTileSize}).", DefaultValueFactory = _ => HazardJobOptions.DefaultTileSize };
        var keep = new Option<bool>("--keep") { Description = "Cluster runs: keep the job's grains and results on the cluster after the outputs are written." };
        var correlation = new Option<string?>("--correlation")
        {
            Description = "Event-based jobs: replaces the job's ground_motion_correlation_model: JB2009, or posterior:<posterior.csv>[:R] " +
                          "(a model E, EA or EAS posterior of fit-correlation, thinned to R draws, default 32; each event draws its own hyperparameters; " +
                          "EA/EAS kernels take each rupture's hypocentre as epicentre and the site model's Vs30, at much higher cost).",
        };

        var command = new Command("hazard", "Compute hazard curves and maps (classical or event-based PSHA) from an OpenQuake job.ini.");
        command.Arguments.Add(job);
        command.Options.Add(demo);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(inProcess);
        command.Options.Add(tileSize);
        command.Options.Add(keep);
        command.Options.Add(correlation);
        command.SetAction((parse, ct) => RunAsync(env, parse.GetValue(job), parse.GetValue(demo), parse.GetValue(output) ?? DefaultOutput,
            parse.GetValue(threads), parse.GetValue(cluster), new Placement(parse.GetValue(inProcess), parse.GetValue(tileSize), parse.GetValue(keep)), ct,
            parse.GetValue(correlation)));
        return command;
    }

    /// <summary>Where and how the job runs: in this process, or on the cluster with this tile size (keeping its grains or not).</summary>
    private sealed record Placement(bool InProcess, int TileSize, bool Keep);

    private static async Task<int> RunAsync(CliEnvironment env, string? jobArg, bool demo, string output, int? threads, string? cluster,
        Placement placement, CancellationToken ct, string? correlation = null)
    {
        var total = Stopwatch.StartNew();
        if (placement.InProcess && cluster is not null)
            throw new QuakeGridInputException("--in-process", null, null, "give either --in-process or --cluster, not both");
        if (placement.TileSize < 1) throw new QuakeGridInputException("--tile-size", null, null, $"{placement.TileSize} must be at least 1 site");
        if (demo == (jobArg is not null))
            throw new QuakeGridInputException("hazard", null, null, demo ? "give either a job.ini or --demo, not both" : "give a job.ini or --demo");
        if (threads is < 1) throw new QuakeGridInputException("--threads", null, null, $"{threads} must be at least 1");

        var jobPath = demo ? NepalDemo.JobPath() : jobArg!;
        if (!File.Exists(jobPath)) throw new QuakeGridInputException(jobPath, null, null, "job file not found");
        var job = JobIniReader.Read(jobPath);
        if (correlation is not null)
        {
            if (job.Mode != CalculationMode.EventBased)
                throw new QuakeGridInputException("--correlation", correlation, null, "spatial correlation applies to event_based jobs only");
            job = CorrelationModelSetting.Override(job, correlation);
        }
        foreach (var w in job.Warnings) env.Err.WriteLine("warning: " + w);
        var model = NrmlSourceModelReader.Read(job.SourceModelPath);

        var console = env.Console;
        var mode = job.Mode == CalculationMode.Classical ? "classical" : "event_based";
        var title = job.Description.Length > 0 ? job.Description : Path.GetFileName(job.Path);
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        console.MarkupLine(Markup.Escape(Describe(job, model.Sources.Count, mode)));
        var substitution = demo ? NepalDemo.SubstitutionNote(job) : null;
        if (substitution is not null) console.MarkupLine("[yellow]" + Markup.Escape(substitution) + "[/]");

        var onCluster = !placement.InProcess;
        var calcWatch = Stopwatch.StartNew();
        HazardRunResult result;
        string where;
        if (onCluster)
        {
            await using var connection = await ClusterOption.ConnectAsync(cluster, ct).ConfigureAwait(false);
            where = connection.IsEmbedded ? "on the embedded silo" : "on the cluster";
            var options = new HazardJobOptions(placement.TileSize, MaxConcurrentBatches: threads ?? 0);
            result = await HazardRunner.RunOnClusterAsync(console, jobPath, connection, options, placement.Keep, ct, correlation).ConfigureAwait(false);
        }
        else
        {
            where = "in this process";
            result = await HazardRunner.RunInProcessAsync(console, job, model, threads, ct).ConfigureAwait(false);
        }
        calcWatch.Stop();

        var modeTitle = job.Mode == CalculationMode.Classical
            ? "classical"
            : $"event-based, {Count(job.InvestigationTime * job.SesPerLogicTreePath)} years{(job.GroundMotionCorrelationModel is { } c ? ", " + c : "")}";
        var jobTitle = demo ? "Nepal demo, BSSA14 substituted for CY08/AB10" : title;
        var writeWatch = Stopwatch.StartNew();
        var written = HazardOutputs.Write(output, result.Curves, result.Events, model, mode, jobTitle, modeTitle);
        writeWatch.Stop();
        foreach (var skipped in written.SkippedMaps)
            env.Err.WriteLine($"warning: {skipped} not drawn: every site's curve is below that PoE (map value 0 everywhere)");

        PrintMapSummary(console, result.Curves);
        var throughput = result.SiteEvents > 0
            ? $"; {result.EventCount:N0} events, {result.SiteEvents:N0} site-events ({result.SiteEvents / calcWatch.Elapsed.TotalSeconds:N0} per second)"
            : "";
        console.MarkupLine(Markup.Escape($"{mode}: {result.Curves.Sites.Count:N0} sites computed in {calcWatch.Elapsed.TotalSeconds:0.00} s {where}{throughput}; outputs written in {writeWatch.Elapsed.TotalSeconds:0.00} s; total {total.Elapsed.TotalSeconds:0.00} s"));
        if (substitution is not null) console.MarkupLine("[yellow]" + Markup.Escape("note: " + substitution) + "[/]");
        foreach (var path in written.Paths) console.MarkupLine("  " + Markup.Escape(path));
        return ExitCodes.Success;
    }

    private static string Describe(JobConfig job, int sources, string mode)
    {
        var imts = string.Join(", ", job.Imtls.Select(l => $"{l.Imt} ({l.Levels.Length} levels)"));
        var gmms = string.Join(", ", job.GsimBranches.Select(b => $"{b.GmmName} ({b.Weight.ToString("0.###", CultureInfo.InvariantCulture)})"));
        var text = $"{mode}: {sources:N0} sources, {job.Sites.Count:N0} sites, {imts}; GMM {gmms}; investigation time {Count(job.InvestigationTime)} years";
        if (job.Mode == CalculationMode.EventBased)
            text += $", {job.SesPerLogicTreePath:N0} stochastic event sets ({Count(job.InvestigationTime * job.SesPerLogicTreePath)} years of catalogue), " +
                    $"correlation {job.GroundMotionCorrelationModel ?? "none"}";
        if (job.Poes.Count > 0) text += "; map PoEs " + string.Join(", ", job.Poes.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
        return text;
    }

    private static string Count(double v) => v.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static void PrintMapSummary(IAnsiConsole console, HazardCurveSet curves)
    {
        if (curves.MapPoes.Count == 0) return;
        var table = new Table().AddColumns("map", "unit", "min", "median", "max", "sites > 0");
        for (var k = 0; k < curves.Imtls.Count; k++)
        for (var p = 0; p < curves.MapPoes.Count; p++)
        {
            var values = curves.Maps[k][p];
            var imt = curves.Imtls[k].Imt;
            string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
            table.AddRow($"{imt}-{curves.MapPoes[p].ToString("R", CultureInfo.InvariantCulture)}", imt.Kind == Core.Imts.ImtKind.Pgv ? "cm/s" : "g",
                F(values.Min()), F(Quantiles.Of(values, 0.5)), F(values.Max()), values.Count(v => v > 0).ToString("N0", CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }
}
