namespace QuakeGrid.Contracts.Events;

/// <summary>
/// One station's observations for ingestion: id, position (decimal degrees), Vs30 (m/s), z1.0 (m; NaN when unknown), its
/// amplitudes, and <see cref="Record"/>, where it was read (e.g. <c>stations[3]</c> or <c>feature 12</c>) so errors name it.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.StationRecord")]
public sealed record StationRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] double Lon,
    [property: Id(2)] double Lat,
    [property: Id(3)] double Vs30,
    [property: Id(4)] double Z1pt0,
    [property: Id(5)] StationAmplitude[] Amplitudes,
    [property: Id(6)] string Record);
