namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// Raw exceedance counts of a finished event-based job for sites <see cref="FirstSite"/> .. FirstSite + Count − 1:
/// <c>Counts[branch][imt][i · nLevels + l]</c> is the number of events (over all stochastic event sets) whose ground motion
/// exceeded level l at the page's site i under gsim branch <c>branch</c>. Integers, so any split of the work sums to the
/// same values exactly.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardCountsPage")]
public sealed record HazardCountsPage(
    [property: Id(0)] int FirstSite,
    [property: Id(1)] int Count,
    [property: Id(2)] long[][][] Counts);
