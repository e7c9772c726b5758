using System.Globalization;
using QuakeGrid.Contracts.Hazard;
using Spectre.Console;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Drives Spectre progress tasks from a cluster hazard job's polled <see cref="HazardJobStatus"/>: "events" (events of
/// the rupture batches finished on every tile, of the event-set total, at how many sites; "ruptures" for a classical job) and "work items" (tile × batch
/// calls done, with the number of tiles and batches). The progress columns show elapsed time and the estimated time left.
/// </summary>
public sealed class HazardJobProgressDisplay(ProgressTask events, ProgressTask items) : IProgress<HazardJobStatus>
{
    private readonly object _gate = new();

    public void Report(HazardJobStatus s)
    {
        lock (_gate)
        {
            events.MaxValue = Math.Max(1, s.EventsTotal);
            events.Value = Math.Min(s.EventsDone, s.EventsTotal);
            var unit = s.Classical ? "ruptures" : "events";
            events.Description = string.Create(CultureInfo.InvariantCulture, $"{unit} {s.EventsDone:N0}/{s.EventsTotal:N0} at {s.Sites:N0} sites");
            items.MaxValue = Math.Max(1, s.WorkItemsTotal);
            items.Value = s.WorkItemsDone;
            items.Description = string.Create(CultureInfo.InvariantCulture,
                $"work items {s.WorkItemsDone:N0}/{s.WorkItemsTotal:N0} ({s.Tiles:N0} tiles x {s.BatchesTotal:N0} batches), {s.SiteEventsDone:N0} site-{unit}");
        }
    }
}
