namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Progress of a hazard calculation: sources and ruptures processed so far, the number of sites, and (event-based
/// ground-motion stage) events simulated out of the event-set total (0 of 0 before that stage).
/// </summary>
public readonly record struct HazardProgress(int SourcesDone, int SourceCount, long RupturesDone, int SiteCount,
    long EventsDone = 0, long EventCount = 0);
