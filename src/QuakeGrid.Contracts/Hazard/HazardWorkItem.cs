namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// One unit of work of a hazard job: rupture batch <see cref="BatchId"/> (occurring ruptures
/// [<see cref="FirstRupture"/>, FirstRupture + <see cref="RuptureCount"/>) in the event set's order) on region tile
/// <see cref="TileId"/> of <see cref="TileSize"/> sites. Ids are deterministic functions of the job and its options,
/// so a re-dispatched item is recognised by the region that already applied it. <see cref="Fingerprint"/>
/// identifies the submission (SHA-256 of the bundle), so a silo's cached plan is never used for another job.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardWorkItem")]
public sealed record HazardWorkItem(
    [property: Id(0)] string JobId,
    [property: Id(1)] int TileId,
    [property: Id(2)] int TileSize,
    [property: Id(3)] int BatchId,
    [property: Id(4)] int FirstRupture,
    [property: Id(5)] int RuptureCount,
    [property: Id(6)] string Fingerprint);

/// <summary>
/// What a region did with a work item: <see cref="Applied"/> false when it had applied the batch before (a re-dispatch;
/// nothing was counted twice); events and site-events of the batch on this tile; <see cref="ComputeSeconds"/>, the wall
/// time of the simulation itself (the rest of the call is messaging, plan look-up and the state write).
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardWorkOutcome")]
public sealed record HazardWorkOutcome(
    [property: Id(0)] int TileId,
    [property: Id(1)] int BatchId,
    [property: Id(2)] bool Applied,
    [property: Id(3)] long Events,
    [property: Id(4)] long SiteEvents,
    [property: Id(5)] double ComputeSeconds = 0);

/// <summary>
/// A region tile's accumulated state: the job site indices it holds (ascending), the rupture batches it has applied, its
/// exceedance counts <c>Counts[branch][imt][i · nLevels + l]</c> (i = position in <see cref="SiteIndices"/>) and site-events.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.RegionHazardCounts")]
public sealed record RegionHazardCounts(
    [property: Id(0)] int TileId,
    [property: Id(1)] int[] SiteIndices,
    [property: Id(2)] int[] AppliedBatches,
    [property: Id(3)] long[][][] Counts,
    [property: Id(4)] long SiteEvents,
    [property: Id(5)] double ComputeSeconds = 0);

/// <summary>
/// A classical region tile's accumulated state: the job site indices it holds (ascending), the rupture batches it has
/// applied (always 0..n−1: a classical tile adds batches in order), its annual exceedance rates
/// <c>Rates[branch][imt][i · nLevels + l]</c> (per year; i = position in <see cref="SiteIndices"/>) and site-ruptures.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.RegionHazardRates")]
public sealed record RegionHazardRates(
    [property: Id(0)] int TileId,
    [property: Id(1)] int[] SiteIndices,
    [property: Id(2)] int[] AppliedBatches,
    [property: Id(3)] double[][][] Rates,
    [property: Id(4)] long SiteRuptures);
