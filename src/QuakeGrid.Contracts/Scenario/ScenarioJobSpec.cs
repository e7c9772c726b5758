using QuakeGrid.Contracts.Ruptures;

namespace QuakeGrid.Contracts.Scenario;

/// <summary>
/// A scenario shaking job: one rupture, a GMM, the IMTs (OpenQuake spelling, e.g. <c>PGA</c>, <c>SA(1.0)</c>)
/// and the number of region tiles (ids 0..RegionCount-1) whose sites were loaded into region grains beforehand.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.ScenarioJobSpec")]
public sealed record ScenarioJobSpec(
    [property: Id(0)] string JobId,
    [property: Id(1)] RuptureSpec Rupture,
    [property: Id(2)] string[] Imts,
    [property: Id(3)] GmmSpec Gmm,
    [property: Id(4)] int RegionCount,
    [property: Id(5)] int SiteCount);
