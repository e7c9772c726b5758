namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// Conditioned shaking at many points of one event in one call (<see cref="IEventShakingGrain"/>): the IMT, each point
/// (decimal degrees) with its Vs30 (m/s; NaN = the event's default), and the number of nearest stations that krige each
/// point (0 = the event's default). At most <see cref="MaxSites"/> points per query.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.SiteShakingQuery")]
public sealed record SiteShakingQuery(
    [property: Id(0)] string Imt,
    [property: Id(1)] double[] Lon,
    [property: Id(2)] double[] Lat,
    [property: Id(3)] double[] Vs30,
    [property: Id(4)] int Neighbours)
{
    /// <summary>Most points in one query.</summary>
    public const int MaxSites = 1000;
}
