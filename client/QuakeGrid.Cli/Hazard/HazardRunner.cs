using System.Diagnostics;
using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sources;
using Spectre.Console;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Runs a hazard job behind a Spectre progress display, either on a QuakeGrid cluster (<see cref="RunOnClusterAsync"/>:
/// classical and event-based jobs through the hazard job grains, embedded silo or remote cluster) or with the Core calculators in this
/// process (<see cref="RunInProcessAsync"/>: <see cref="ClassicalCalculator"/> for <c>classical</c>; for
/// <c>event_based</c>, the JB2009 Vecchia field sampler when the job asks for correlation
/// (<see cref="VecchiaFieldSampler.ForJob"/>) and <see cref="EventBasedCalculator"/>).
/// </summary>
public static class HazardRunner
{
    /// <summary>
    /// Packs the job (<see cref="JobBundles.FromJobFile"/>), submits it to the cluster, follows its progress and fetches
    /// the curves and (event-based) event set. The job's grains are released afterwards unless <paramref name="keep"/>.
    /// </summary>
    public static async Task<HazardRunResult> RunOnClusterAsync(IAnsiConsole console, string jobPath, QuakeGridConnection connection,
        HazardJobOptions options, bool keep, CancellationToken ct, string? correlation = null)
    {
        var bundle = JobBundles.FromJobFile(jobPath, correlation);
        var jobId = "hazard-" + Guid.NewGuid().ToString("N");
        var client = connection.Hazard;
        var watch = Stopwatch.StartNew();
        var submitted = await client.SubmitAsync(jobId, bundle, options, ct).ConfigureAwait(false);
        console.MarkupLine(Markup.Escape($"job {jobId} submitted to the {(connection.IsEmbedded ? "embedded silo" : "cluster")} in {watch.Elapsed.TotalSeconds:0.00} s: " +
            $"{submitted.Sites:N0} sites in {submitted.Tiles:N0} tiles, {submitted.BatchesTotal:N0} rupture batches, {submitted.EventsTotal:N0} {(submitted.Classical ? "ruptures" : "events")}"));
        HazardJobStatus? final = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(HazardProgressDisplay.Columns())
            .StartAsync(async ctx =>
            {
                var display = new HazardJobProgressDisplay(ctx.AddTask(submitted.Classical ? "ruptures" : "events", maxValue: 1), ctx.AddTask("work items", maxValue: 1));
                display.Report(submitted);
                final = await client.WaitAsync(jobId, display, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        var ran = watch.Elapsed.TotalSeconds;
        if (final!.CallSeconds > 0)
            console.MarkupLine(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"work items: {final.CallSeconds:0.00} s in grain calls (summed over calls in flight), of which {final.ComputeSeconds:0.00} s simulating ({100 * final.ComputeSeconds / final.CallSeconds:0}%); job wall time {ran:0.00} s")));
        var curves = await client.GetCurvesAsync(jobId, ct).ConfigureAwait(false);
        var events = final.Classical ? null : await client.GetEventsAsync(jobId, ct).ConfigureAwait(false);
        if (!keep) await client.ReleaseAsync(jobId, ct).ConfigureAwait(false);
        else console.MarkupLine(Markup.Escape($"job {jobId} kept on the cluster (--keep)"));
        if (final.Classical)
        {
            // A classical job has no event set: report its ruptures here, and no events or site-events to the caller.
            console.MarkupLine(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"classical: {final.EventsTotal:N0} ruptures, {final.SiteEventsDone:N0} site-ruptures within the maximum distance")));
            return new HazardRunResult(curves, null, 0, 0);
        }
        return new HazardRunResult(curves, events, final.EventsTotal, final.SiteEventsDone);
    }

    /// <summary>Runs the job with the Core calculators in this process.</summary>
    public static async Task<HazardRunResult> RunInProcessAsync(IAnsiConsole console, JobConfig job, SourceModel model, int? threads, CancellationToken ct)
    {
        VecchiaFieldSampler? sampler = null;
        if (job.Mode == CalculationMode.EventBased && job.GroundMotionCorrelationModel is not null && job.CorrelationPosterior is null)
        {
            var watch = Stopwatch.StartNew();
            sampler = await Task.Run(() => VecchiaFieldSampler.ForJob(job), ct).ConfigureAwait(false);
            console.MarkupLine(Markup.Escape($"{job.GroundMotionCorrelationModel} correlation: Vecchia factors for {job.Sites.Count:N0} sites and {job.Imtls.Count} IMT(s) built in {watch.Elapsed.TotalSeconds:0.00} s"));
        }

        HazardRunResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(HazardProgressDisplay.Columns())
            .StartAsync(async ctx =>
            {
                var sources = ctx.AddTask("sources", maxValue: Math.Max(1, model.Sources.Count));
                var events = job.Mode == CalculationMode.EventBased ? ctx.AddTask("events", maxValue: 1) : null;
                var display = new HazardProgressDisplay(sources, events);
                result = await Task.Run(() =>
                {
                    if (job.Mode == CalculationMode.Classical)
                    {
                        var curves = ClassicalCalculator.Run(job, model, display, ct, threads);
                        return new HazardRunResult(curves, null, 0, 0);
                    }
                    var eb = EventBasedCalculator.Run(job, model, sampler, display, ct, threads);
                    if (eb.EpicentreFactors.Factors > 0)
                    {
                        var (factors, rows, time) = eb.EpicentreFactors;
                        console.MarkupLine(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"{job.CorrelationPosterior!.Variant} posterior: {factors:N0} Vecchia factors (rupture x draw) about the ruptures' epicentres, " +
                            $"{rows:N0} rows, {time.TotalSeconds:0.00} s summed over threads ({time.TotalMicroseconds / rows:0.0} us per row, {time.TotalMilliseconds / eb.EventCount:0.0} ms per event)")));
                    }
                    return new HazardRunResult(eb.Curves, eb.Events, eb.EventCount, eb.SiteEvents);
                }, ct).ConfigureAwait(false);
                sources.Value = sources.MaxValue;
                if (events is not null) events.Value = events.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }
}
