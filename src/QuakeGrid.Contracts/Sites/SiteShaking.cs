namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// Conditioned ground motion at one point for one IMT of an event (Engler et al. 2022, Appendix B): the point and Vs30
/// (m/s) it was evaluated at, the event revision and the number of stations that kriged it, the GMM's unconditioned
/// ln median, Tau and Phi, and the conditional mean of ln Y with its total, within- and between-event standard
/// deviations (ln units: ln g for PGA/SA, ln cm/s for PGV).
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.SiteShaking")]
public sealed record SiteShaking(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Imt,
    [property: Id(2)] double Lon,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Vs30,
    [property: Id(5)] int Revision,
    [property: Id(6)] int StationsUsed,
    [property: Id(7)] double PriorLnMedian,
    [property: Id(8)] double Tau,
    [property: Id(9)] double Phi,
    [property: Id(10)] double MeanLn,
    [property: Id(11)] double StdLn,
    [property: Id(12)] double StdWithin,
    [property: Id(13)] double StdBetween);
