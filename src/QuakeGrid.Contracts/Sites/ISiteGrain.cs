namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// Per-point answers, activated on demand (key <see cref="SiteKeys"/>). An event site conditions the event's ground
/// motion on its k nearest stations; a job site reads a finished hazard job's curve at its nearest job site. Answers are
/// cached in the grain (the factorised kriging system per IMT and k, and each answer, until the event changes; job answers for good).
/// </summary>
[Alias("QuakeGrid.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>
    /// Conditioned ln mean and standard deviations of <paramref name="imt"/> at this event site with Vs30
    /// <paramref name="vs30"/> (m/s; NaN = the event's default) kriged on the <paramref name="neighbours"/> nearest stations
    /// (0 = the event's default).
    /// </summary>
    [Alias("GetShaking")]
    Task<SiteShaking> GetShakingAsync(string imt, double vs30, int neighbours);

    /// <summary>
    /// Hazard at the job site nearest this point (within <paramref name="maxDistanceKm"/>) and the IMLs at
    /// <paramref name="returnPeriods"/> (years, each > 0).
    /// </summary>
    [Alias("GetHazard")]
    Task<SiteHazardAnswer> GetHazardAsync(double maxDistanceKm, double[] returnPeriods);
}
