namespace QuakeGrid.Contracts.Stations;

/// <summary>
/// A station of an event as stored by its <see cref="IStationGrain"/>: id, the record it was read from, its correlation
/// point, z1.0 (m; NaN when unknown), and per observed IMT (OpenQuake spelling, index k) the ln observation
/// (ln g; ln cm/s for PGV), its ln standard deviation, and the event GMM's ln median, Tau and Phi at the station.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.StationData")]
public sealed record StationData(
    [property: Id(0)] string Id,
    [property: Id(1)] string Record,
    [property: Id(2)] CorrelationPoint Point,
    [property: Id(3)] double Z1pt0,
    [property: Id(4)] string[] Imts,
    [property: Id(5)] double[] LnObserved,
    [property: Id(6)] double[] LnSigma,
    [property: Id(7)] double[] LnMedian,
    [property: Id(8)] double[] Tau,
    [property: Id(9)] double[] Phi);
