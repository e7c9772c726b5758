using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Contracts.Sites;

namespace QuakeGrid.Contracts.Grains;

/// <summary>
/// One region tile of a job (key from <see cref="RegionKeys.For"/>). It holds its tile's sites (persisted in the
/// <c>quakegrid</c> grain storage, so it survives the loss of its silo) and computes ground motion for them with Core.
/// Every call is short: one tile's worth of work.
/// </summary>
[Alias("QuakeGrid.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>Stores the tile's sites. Idempotent: loading the same tile again replaces it.</summary>
    [Alias("LoadSites")]
    Task LoadSitesAsync(RegionSites sites);

    /// <summary>Number of sites held (0 when none were loaded).</summary>
    [Alias("GetSiteCount")]
    Task<int> GetSiteCountAsync();

    /// <summary>Evaluates the job's GMM for the job's rupture at every site of the tile.</summary>
    [Alias("ComputeScenario")]
    Task<RegionResult> ComputeScenarioAsync(ScenarioJobSpec spec);

    /// <summary>Forgets the tile's sites (clears persisted state) and deactivates.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
