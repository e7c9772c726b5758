namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// How a hazard job is split: <see cref="TileSize"/> sites per region tile (tiles are spatially compact, from
/// <c>SiteTiling.Split</c>; default <see cref="DefaultTileSize"/>), <see cref="RupturesPerBatch"/> occurring ruptures per
/// batch (0 = automatic: at least 8 batches, more for very large jobs),
/// and at most <see cref="MaxConcurrentBatches"/> work items (tile × batch) in flight (0 = automatic). The results do not
/// depend on any of them (event-based: integer exceedance counts summed exactly; classical: each site's rates receive the
/// ruptures' terms in the same order whatever the split). For a classical job the batches are ranges of all ruptures.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardJobOptions")]
public sealed record HazardJobOptions(
    [property: Id(0)] int TileSize = HazardJobOptions.DefaultTileSize,
    [property: Id(1)] int RupturesPerBatch = 0,
    [property: Id(2)] int MaxConcurrentBatches = 0)
{
    /// <summary>
    /// Sites per tile unless asked otherwise. Every tile sweeps the Vecchia dependency closure of its sites (coarse-level
    /// ancestors shared by all tiles), so small tiles repeat work: on the 0.05° Nepal grid, tiles of ≈ 4,700 sites have a
    /// closure 1.5× their size, tiles of ≈ 1,200 sites 2.6× (docs/benchmarks.md, "Tiling: halo of the dependency
    /// closure"). 7,000 keeps the halo near 1.5× while a 10^6-site job still has ≈ 143 tiles to spread over the cluster.
    /// </summary>
    public const int DefaultTileSize = 7000;
}
