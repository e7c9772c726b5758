namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// One occurring rupture of a job's stochastic event set (Core's <c>RuptureOccurrence</c> on the wire): id, source id,
/// magnitude (Mw), rake (degrees), hypocentre (lon, lat in degrees, depth km), annual rate and occurrence count.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardEvent")]
public sealed record HazardEvent(
    [property: Id(0)] long RuptureId,
    [property: Id(1)] string SourceId,
    [property: Id(2)] double Magnitude,
    [property: Id(3)] double Rake,
    [property: Id(4)] double Lon,
    [property: Id(5)] double Lat,
    [property: Id(6)] double Depth,
    [property: Id(7)] double AnnualRate,
    [property: Id(8)] int Occurrences);
