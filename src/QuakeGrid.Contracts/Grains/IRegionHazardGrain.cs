using Orleans.Concurrency;
using QuakeGrid.Contracts.Hazard;

namespace QuakeGrid.Contracts.Grains;

/// <summary>
/// One region tile of a hazard job (key from <see cref="HazardRegionKeys.For"/>): it holds the tile's kernel state
/// (Core's <c>EventBasedTile</c> or <c>ClassicalTile</c>, rebuilt from the job's plan) and the job's results for its
/// sites — exceedance counts (event-based) or annual exceedance rates (classical) —, persisted in the <c>quakegrid</c>
/// grain storage together with the set of rupture batches applied, in one write. Applying a batch is idempotent: a batch
/// applied before is acknowledged without being counted again. A classical tile adds batches in id order only.
/// </summary>
[Alias("QuakeGrid.IRegionHazardGrain")]
public interface IRegionHazardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Simulates the work item's ruptures at the tile's sites and adds the exceedance counts (event-based), or adds their
    /// annual exceedance rates (classical), once per batch.
    /// </summary>
    [Alias("Apply")]
    Task<HazardWorkOutcome> ApplyAsync(HazardWorkItem item);

    /// <summary>The tile's sites, applied batches and counts (empty before the first batch).</summary>
    [Alias("GetCounts"), ReadOnly]
    Task<RegionHazardCounts> GetCountsAsync();

    /// <summary>A classical tile's sites, applied batches and annual exceedance rates (empty before the first batch).</summary>
    [Alias("GetRates"), ReadOnly]
    Task<RegionHazardRates> GetRatesAsync();

    /// <summary>Ids of the rupture batches applied (ascending); the coordinator rebuilds its progress from them.</summary>
    [Alias("GetAppliedBatches"), ReadOnly]
    Task<int[]> GetAppliedBatchesAsync();

    /// <summary>Forgets the tile's counts (clears persisted state) and deactivates.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
