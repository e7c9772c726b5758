using Orleans.Concurrency;
using QuakeGrid.Contracts.Hazard;

namespace QuakeGrid.Contracts.Grains;

/// <summary>
/// Coordinator of one hazard job, classical or event-based (key = job id). <see cref="SubmitAsync"/> validates the job with Core's
/// readers, persists it in the <c>quakegrid</c> grain storage and starts it; work is dispatched as short calls (one
/// rupture batch on one region tile each) to <see cref="IRegionHazardGrain"/>s. The job survives the loss of any silo,
/// including the coordinator's own: any call (status polling is enough) reactivates it, and it resumes the work items
/// its regions have not applied. Every call is short; clients poll <see cref="GetStatusAsync"/> and fetch results in pages.
/// </summary>
[Alias("QuakeGrid.IHazardJobGrain")]
public interface IHazardJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the job (a <c>QuakeGridInputException</c> naming the bundle file, record and field), persists it and
    /// starts it. Idempotent for the same bundle and options; a different bundle under the same id is an error.
    /// </summary>
    [Alias("Submit")]
    Task<HazardJobStatus> SubmitAsync(JobBundle bundle, HazardJobOptions options);

    /// <summary>Progress. An unknown job id is a <c>QuakeGridInputException</c> (record "job", "unknown job").</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<HazardJobStatus> GetStatusAsync();

    /// <summary>
    /// Hazard at the job site nearest (<paramref name="lon"/>, <paramref name="lat"/>) (decimal degrees); an error when
    /// the job is not finished or no job site lies within <paramref name="maxDistanceKm"/>.
    /// </summary>
    [Alias("GetSiteHazard")]
    Task<SiteHazard> GetSiteHazardAsync(double lon, double lat, double maxDistanceKm);

    /// <summary>
    /// Mean curves of sites <paramref name="firstSite"/> .. firstSite + count − 1 of a finished job, for the IMTs
    /// named in <paramref name="imts"/> (all when null). At most <c>HazardJobLimits.MaxSitesPerPage</c> sites per call.
    /// </summary>
    [Alias("GetCurves")]
    Task<HazardCurveResult> GetCurvesAsync(int firstSite, int count, string[]? imts = null);

    /// <summary>
    /// Raw exceedance counts of sites <paramref name="firstSite"/> .. firstSite + count − 1 of a finished event-based job
    /// (a classical job has rates, not counts: an input error).
    /// </summary>
    [Alias("GetCounts")]
    Task<HazardCountsPage> GetCountsAsync(int firstSite, int count);

    /// <summary>Occurring ruptures <paramref name="first"/> .. first + count − 1 of the job's stochastic event set (none for a classical job).</summary>
    [Alias("GetEvents")]
    Task<HazardEvent[]> GetEventsAsync(int first, int count);

    /// <summary>The job as submitted (regions rebuild the job's plan from it). Unknown job: <c>QuakeGridInputException</c>.</summary>
    [Alias("GetDefinition"), AlwaysInterleave]
    Task<HazardJobDefinition> GetDefinitionAsync();

    /// <summary>Clears the job's region grains and its own persisted state.</summary>
    [Alias("Release")]
    Task ReleaseAsync();
}
