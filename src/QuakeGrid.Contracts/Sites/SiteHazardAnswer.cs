using QuakeGrid.Contracts.Hazard;

namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// A finished hazard job's answer at the job site nearest a query point: the job's <see cref="SiteHazard"/> (curves and
/// map values), the investigation time (years), and the IMLs at the requested return periods.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.SiteHazardAnswer")]
public sealed record SiteHazardAnswer(
    [property: Id(0)] string JobId,
    [property: Id(1)] SiteHazard Site,
    [property: Id(2)] double InvestigationTime,
    [property: Id(3)] ReturnPeriodValues[] ReturnPeriods);
