using System.Diagnostics;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sources;
using Spectre.Console;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Runs the job's calculator from Core in this process, on a worker thread, behind a Spectre progress display
/// (<see cref="HazardProgressDisplay"/>): <see cref="ClassicalCalculator"/> for <c>classical</c>; for
/// <c>event_based</c>, the JB2009 Vecchia field sampler when the job asks for correlation
/// (<see cref="VecchiaFieldSampler.ForJob"/>) and <see cref="EventBasedCalculator"/>.
/// </summary>
public static class HazardRunner
{
    public static async Task<HazardRunResult> RunAsync(IAnsiConsole console, JobConfig job, SourceModel model, int? threads, CancellationToken ct)
    {
        VecchiaFieldSampler? sampler = null;
        if (job.Mode == CalculationMode.EventBased && job.GroundMotionCorrelationModel is not null)
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
                    return new HazardRunResult(eb.Curves, eb.Events, eb.EventCount, eb.SiteEvents);
                }, ct).ConfigureAwait(false);
                sources.Value = sources.MaxValue;
                if (events is not null) events.Value = events.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }
}
