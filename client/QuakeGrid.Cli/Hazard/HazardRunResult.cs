using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// The outcome of a hazard calculation in the CLI: the mean curves and maps, and for event-based runs the event set,
/// the number of events and of site-events (events × sites within the maximum distance × GMM branches).
/// </summary>
public sealed record HazardRunResult(HazardCurveSet Curves, IReadOnlyList<RuptureOccurrence>? Events, long EventCount, long SiteEvents);
