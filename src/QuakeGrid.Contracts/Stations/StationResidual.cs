namespace QuakeGrid.Contracts.Stations;

/// <summary>
/// What a station tells a neighbour request for one IMT: its correlation point (location, Vs30), the raw residual
/// zeta = ln y − mu (ln units) against the event GMM, the observation ln sigma (variance addon = its square), and the
/// GMM's within-event (Phi) and between-event (Tau) standard deviations at the station.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.StationResidual")]
public sealed record StationResidual(
    [property: Id(0)] string StationId,
    [property: Id(1)] CorrelationPoint Point,
    [property: Id(2)] double Residual,
    [property: Id(3)] double LnSigma,
    [property: Id(4)] double Phi,
    [property: Id(5)] double Tau);
