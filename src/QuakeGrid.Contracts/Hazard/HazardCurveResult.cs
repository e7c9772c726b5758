namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// One page of a finished job's mean hazard curves: sites <see cref="FirstSite"/> .. FirstSite + Count − 1 of
/// <see cref="SiteCount"/> (job site order), with their positions (decimal degrees), Vs30 (m/s), z1.0 (m) and depth (km),
/// and for each IMT k (OpenQuake spelling, <see cref="Imts"/>) its levels and <c>Poes[k][i · nLevels + l]</c>, the PoE of
/// level l at the page's site i in <see cref="InvestigationTime"/> years. <see cref="MapPoes"/> are the job's map PoEs.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardCurveResult")]
public sealed record HazardCurveResult(
    [property: Id(0)] string JobId,
    [property: Id(1)] int FirstSite,
    [property: Id(2)] int Count,
    [property: Id(3)] int SiteCount,
    [property: Id(4)] double InvestigationTime,
    [property: Id(5)] string[] Imts,
    [property: Id(6)] double[][] Levels,
    [property: Id(7)] double[] MapPoes,
    [property: Id(8)] double[] Lon,
    [property: Id(9)] double[] Lat,
    [property: Id(10)] double[] Vs30,
    [property: Id(11)] double[] Z1pt0,
    [property: Id(12)] double[] Depth,
    [property: Id(13)] double[][] Poes);
