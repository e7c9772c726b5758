using QuakeGrid.Contracts.Scenario;

namespace QuakeGrid.Grains.Scenario;

/// <summary>Value comparison of job specs (records compare arrays by reference, so the arrays are compared here).</summary>
public static class ScenarioJobSpecs
{
    /// <summary>True when both specs describe the same job.</summary>
    public static bool Equivalent(ScenarioJobSpec a, ScenarioJobSpec b) =>
        a.JobId == b.JobId && a.RegionCount == b.RegionCount && a.SiteCount == b.SiteCount && a.Gmm == b.Gmm
        && a.Imts.AsSpan().SequenceEqual(b.Imts)
        && a.Rupture.Magnitude.Equals(b.Rupture.Magnitude) && a.Rupture.Rake.Equals(b.Rupture.Rake)
        && a.Rupture.Hypocenter == b.Rupture.Hypocenter && a.Rupture.Planes.AsSpan().SequenceEqual(b.Rupture.Planes);
}
