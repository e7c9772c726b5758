namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// Hazard at the job site nearest a queried point: its index in the job's site list, position (decimal degrees), the
/// distance from the queried point (km, great circle), one curve per IMT and the job's map PoEs.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.SiteHazard")]
public sealed record SiteHazard(
    [property: Id(0)] int SiteIndex,
    [property: Id(1)] double Lon,
    [property: Id(2)] double Lat,
    [property: Id(3)] double DistanceKm,
    [property: Id(4)] IReadOnlyList<SiteCurve> Curves,
    [property: Id(5)] IReadOnlyList<double> MapPoes);
