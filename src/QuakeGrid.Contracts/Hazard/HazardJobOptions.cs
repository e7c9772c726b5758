namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// How a hazard job is split: <see cref="TileSize"/> sites per region tile (tiles are spatially compact, from
/// <c>SiteTiling.Split</c>), <see cref="RupturesPerBatch"/> occurring ruptures per batch (0 = automatic: about 32 batches),
/// and at most <see cref="MaxConcurrentBatches"/> work items (tile × batch) in flight (0 = automatic). The results do not
/// depend on any of them (event-based: integer exceedance counts summed exactly; classical: each site's rates receive the
/// ruptures' terms in the same order whatever the split). For a classical job the batches are ranges of all ruptures.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardJobOptions")]
public sealed record HazardJobOptions(
    [property: Id(0)] int TileSize = 2000,
    [property: Id(1)] int RupturesPerBatch = 0,
    [property: Id(2)] int MaxConcurrentBatches = 0);
