using QuakeGrid.Contracts.Scenario;

namespace QuakeGrid.Contracts.Grains;

/// <summary>
/// Coordinator of one scenario job (key = job id). <see cref="StartAsync"/> validates the job and returns at once;
/// the coordinator then fans the rupture out to the job's region grains with bounded concurrency. Clients poll
/// <see cref="GetProgressAsync"/> and fetch results tile by tile, so no call runs near the response timeout.
/// </summary>
[Alias("QuakeGrid.IScenarioJobGrain")]
public interface IScenarioJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the job (IMTs, GMM name and options, rupture, region count) and starts it. Throws a
    /// <c>QuakeGridInputException</c> naming the bad field. Idempotent for the same spec.
    /// </summary>
    [Alias("Start")]
    Task<ScenarioJobProgress> StartAsync(ScenarioJobSpec spec);

    /// <summary>Regions done out of the total, and the status.</summary>
    [Alias("GetProgress")]
    Task<ScenarioJobProgress> GetProgressAsync();

    /// <summary>The result of one finished region tile.</summary>
    [Alias("GetRegionResult")]
    Task<RegionResult> GetRegionResultAsync(int tileId);

    /// <summary>Clears the job's region grains and its own results.</summary>
    [Alias("Release")]
    Task ReleaseAsync();
}
