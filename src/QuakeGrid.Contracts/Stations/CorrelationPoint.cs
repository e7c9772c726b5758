namespace QuakeGrid.Contracts.Stations;

/// <summary>
/// A point as the spatial correlation kernels see it (Core <c>CorrelationSites</c>, one site): lon/lat (degrees),
/// X/Y (km) in the event's local projection centred on the hypocentre, Vs30 (m/s), and epicentral distance (km) and
/// azimuth (degrees clockwise from north) for the path-dependent kernels.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.CorrelationPoint")]
public sealed record CorrelationPoint(
    [property: Id(0)] double Lon,
    [property: Id(1)] double Lat,
    [property: Id(2)] double X,
    [property: Id(3)] double Y,
    [property: Id(4)] double Vs30,
    [property: Id(5)] double EpiDistance,
    [property: Id(6)] double EpiAzimuth);
