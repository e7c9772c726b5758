using System.Globalization;
using QuakeGrid.Core.Hazard;
using Spectre.Console;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Drives Spectre progress tasks from <see cref="HazardProgress"/> reports, which may arrive concurrently and out of
/// order from the calculator's worker threads: a "sources" task (sources processed, ruptures so far, sites) and, for
/// event-based runs, an "events" task (events simulated of the event-set total, at how many sites). Values only move
/// forward. The progress columns show the elapsed time and the estimated time left.
/// </summary>
public sealed class HazardProgressDisplay(ProgressTask sources, ProgressTask? events) : IProgress<HazardProgress>
{
    private readonly object _gate = new();
    private int _sourcesDone;
    private long _eventsDone = -1;

    /// <summary>The progress columns: description, bar, percentage, elapsed time and estimated time left.</summary>
    public static ProgressColumn[] Columns() =>
    [
        new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
        new ElapsedTimeColumn(), new RemainingTimeColumn(),
    ];

    public void Report(HazardProgress value)
    {
        lock (_gate)
        {
            if (value.SourcesDone > _sourcesDone || (value.SourcesDone == _sourcesDone && _sourcesDone == 0))
            {
                _sourcesDone = value.SourcesDone;
                sources.MaxValue = Math.Max(1, value.SourceCount);
                sources.Value = value.SourcesDone;
                sources.Description = string.Create(CultureInfo.InvariantCulture,
                    $"sources {value.SourcesDone:N0}/{value.SourceCount:N0}, {value.RupturesDone:N0} ruptures, {value.SiteCount:N0} sites");
            }
            if (events is not null && value.EventCount > 0 && value.EventsDone > _eventsDone)
            {
                _eventsDone = value.EventsDone;
                events.MaxValue = value.EventCount;
                events.Value = value.EventsDone;
                events.Description = string.Create(CultureInfo.InvariantCulture,
                    $"events {value.EventsDone:N0}/{value.EventCount:N0} at {value.SiteCount:N0} sites");
            }
        }
    }
}
