namespace QuakeGrid.Core.Hazard;

/// <summary>Progress of a hazard calculation: sources and ruptures processed so far, and the number of sites.</summary>
public readonly record struct HazardProgress(int SourcesDone, int SourceCount, long RupturesDone, int SiteCount);
