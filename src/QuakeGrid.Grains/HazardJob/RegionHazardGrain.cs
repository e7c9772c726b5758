using Microsoft.Extensions.Logging;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Grains.Hosting;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// One region tile of a hazard job. It rebuilds the job's plan through the silo's <see cref="HazardPlanCache"/>
/// (asking the coordinator for the bundle on a miss), keeps the tile's <see cref="EventBasedTile"/> or
/// <see cref="ClassicalTile"/> (kernel state and buffers) in memory, and adds each batch's exceedance counts
/// (event-based) or annual exceedance rates (classical, batches in id order) to its persisted state. The batch id is
/// recorded in the same state write as the results, so a batch is counted exactly once however often it is dispatched;
/// a write that fails deactivates the grain, so the next call starts again from the persisted state.
/// Placement is random, so a job's tiles spread over every silo (the default resource-optimised placement may put them
/// all beside the coordinator that activates them).
/// </summary>
[Orleans.Placement.RandomPlacement]
public sealed class RegionHazardGrain(
    [PersistentState("hazardregion", QuakeGridStorage.Name)] IPersistentState<RegionHazardState> state,
    HazardPlanCache plans,
    ILogger<RegionHazardGrain> logger) : Grain, IRegionHazardGrain
{
    private EventBasedTile? _tile;
    // The batch's counts, simulated in parallel into these arrays (zero between calls), then added to the state: no
    // count arrays allocated per batch, and a failed batch leaves the state's counts untouched until it is added.
    private TileCounts? _batchCounts;
    private ClassicalTile? _classical;
    private string? _tileFingerprint;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<HazardWorkOutcome> ApplyAsync(HazardWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (HazardRegionKeys.For(item.JobId, item.TileId) != Key)
            throw new InvalidOperationException($"region {Key} received a work item for job '{item.JobId}' tile {item.TileId}");

        var s = state.State;
        if (s.Fingerprint is not null && s.Fingerprint != item.Fingerprint)
            throw new InvalidOperationException($"region {Key} holds counts of another submission of job '{item.JobId}'");
        if (s.AppliedBatches.BinarySearch(item.BatchId) >= 0)
            return new HazardWorkOutcome(item.TileId, item.BatchId, Applied: false, 0, 0);

        var job = await PreparedAsync(item);
        if ((uint)item.TileId >= (uint)job.Tiles.Count)
            throw new InvalidOperationException($"region {Key}: tile {item.TileId} is outside the job's {job.Tiles.Count} tiles");
        if ((uint)item.BatchId >= (uint)job.Batches.Count || job.Batches[item.BatchId] is var b && (b.First != item.FirstRupture || b.Count != item.RuptureCount))
            throw new InvalidOperationException($"region {Key}: batch {item.BatchId} [{item.FirstRupture}, +{item.RuptureCount}) does not match the job's batching");

        return job.IsClassical ? await ApplyClassicalAsync(item, job) : await ApplyEventBasedAsync(item, job);
    }

    private async Task<HazardWorkOutcome> ApplyEventBasedAsync(HazardWorkItem item, PreparedHazardJob job)
    {
        var s = state.State;
        if (_tile is null || _tileFingerprint != job.Fingerprint)
        {
            var indices = job.Tiles[item.TileId];
            _tile = await Task.Run(() => EventBasedTile.Create(job.EventBased, indices));
            _batchCounts = _tile.EmptyCounts();
            _tileFingerprint = job.Fingerprint;
        }
        var tile = _tile;
        var zeros = _batchCounts ?? tile.EmptyCounts();
        _batchCounts = null; // until the batch is added and the arrays are zero again (a failed simulation leaves them dirty)
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var counts = await Task.Run(() => EventBasedCalculator.SimulateInto(job.EventBased, tile, zeros, item.FirstRupture, item.RuptureCount));
        var computeSeconds = clock.Elapsed.TotalSeconds;

        // Re-check after the awaits: a duplicate of this item may not run in between (the grain is not reentrant), but be strict.
        if (s.AppliedBatches.BinarySearch(item.BatchId) >= 0)
        {
            _batchCounts = Cleared(counts);
            return new HazardWorkOutcome(item.TileId, item.BatchId, Applied: false, 0, 0);
        }
        var fresh = s.Fingerprint is null;
        if (fresh)
        {
            s.Fingerprint = job.Fingerprint;
            s.SiteIndices = job.Tiles[item.TileId];
            s.Counts = Zeros(counts.Counts);
        }
        Add(s.Counts, counts.Counts, +1);
        var at = ~s.AppliedBatches.BinarySearch(item.BatchId);
        s.AppliedBatches.Insert(at, item.BatchId);
        s.SiteEvents += counts.SiteEvents;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            // Storage does not hold this batch: undo it in memory (integer counts subtract exactly) and let the activation
            // go, so the coordinator's retry starts from what storage holds.
            Add(s.Counts, counts.Counts, -1);
            s.AppliedBatches.RemoveAt(at);
            s.SiteEvents -= counts.SiteEvents;
            if (fresh) state.State = new RegionHazardState();
            _batchCounts = Cleared(counts);
            logger.LogWarning(e, "Region {Key}: persisting batch {Batch} failed; deactivating", Key, item.BatchId);
            DeactivateOnIdle();
            throw;
        }
        _batchCounts = Cleared(counts);
        return new HazardWorkOutcome(item.TileId, item.BatchId, Applied: true, counts.Events, counts.SiteEvents, computeSeconds);
    }

    /// <summary>
    /// Adds the batch's annual exceedance rates to a copy of the tile's rates, rupture after rupture, and keeps the copy
    /// once it is persisted (a failed write leaves the previous rates in place). Batches must come in id order, so each
    /// site's rates receive their terms in the order of Core's <c>ClassicalCalculator</c>: bit-identical sums.
    /// </summary>
    private async Task<HazardWorkOutcome> ApplyClassicalAsync(HazardWorkItem item, PreparedHazardJob job)
    {
        var s = state.State;
        if (s.AppliedBatches.Count != item.BatchId)
            throw new InvalidOperationException(
                $"region {Key}: classical batch {item.BatchId} arrived before batch {s.AppliedBatches.Count}; a classical tile adds its batches in order");
        if (_classical is null || _tileFingerprint != job.Fingerprint)
        {
            var indices = job.Tiles[item.TileId];
            _classical = await Task.Run(() => ClassicalTile.Create(job.Classical!, indices));
            _tileFingerprint = job.Fingerprint;
        }
        var tile = _classical;
        var fresh = s.Fingerprint is null;
        var before = s.Rates;
        var rates = fresh ? tile.NewRates() : Copy(before);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var siteRuptures = await Task.Run(() => tile.Add(item.FirstRupture, item.RuptureCount, rates));
        var computeSeconds = clock.Elapsed.TotalSeconds;

        if (s.AppliedBatches.BinarySearch(item.BatchId) >= 0)
            return new HazardWorkOutcome(item.TileId, item.BatchId, Applied: false, 0, 0);
        if (fresh)
        {
            s.Fingerprint = job.Fingerprint;
            s.SiteIndices = job.Tiles[item.TileId];
        }
        s.Rates = rates;
        s.AppliedBatches.Add(item.BatchId);
        s.SiteEvents += siteRuptures;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            s.Rates = before;
            s.AppliedBatches.RemoveAt(s.AppliedBatches.Count - 1);
            s.SiteEvents -= siteRuptures;
            if (fresh) state.State = new RegionHazardState();
            logger.LogWarning(e, "Region {Key}: persisting batch {Batch} failed; deactivating", Key, item.BatchId);
            DeactivateOnIdle();
            throw;
        }
        return new HazardWorkOutcome(item.TileId, item.BatchId, Applied: true, item.RuptureCount, siteRuptures, computeSeconds);
    }


    /// <inheritdoc />
    public Task<RegionHazardCounts> GetCountsAsync()
    {
        var s = state.State;
        return Task.FromResult(new RegionHazardCounts(TileIdOf(Key), [.. s.SiteIndices], [.. s.AppliedBatches], Copy(s.Counts), s.SiteEvents));
    }

    /// <inheritdoc />
    public Task<RegionHazardRates> GetRatesAsync()
    {
        var s = state.State;
        return Task.FromResult(new RegionHazardRates(TileIdOf(Key), [.. s.SiteIndices], [.. s.AppliedBatches], Copy(s.Rates), s.SiteEvents));
    }

    /// <inheritdoc />
    public Task<int[]> GetAppliedBatchesAsync() => Task.FromResult(state.State.AppliedBatches.ToArray());

    /// <inheritdoc />
    public async Task ClearAsync()
    {
        _tile = null;
        _batchCounts = null;
        _classical = null;
        await state.ClearStateAsync();
        state.State = new RegionHazardState();
        DeactivateOnIdle();
    }

    private async Task<PreparedHazardJob> PreparedAsync(HazardWorkItem item)
    {
        if (plans.TryGet(item.JobId, item.Fingerprint) is { } cached) return await cached;
        var definition = await GrainFactory.GetGrain<IHazardJobGrain>(item.JobId).GetDefinitionAsync();
        if (definition.Fingerprint != item.Fingerprint)
            throw new InvalidOperationException($"region {Key}: the coordinator of job '{item.JobId}' holds another submission than the work item's");
        return await plans.GetAsync(definition);
    }

    /// <summary>Zeroes <paramref name="counts"/>' arrays for the next batch.</summary>
    private static TileCounts Cleared(TileCounts counts)
    {
        foreach (var branch in counts.Counts)
            foreach (var imt in branch) Array.Clear(imt);
        return counts with { SiteEvents = 0, Events = 0 };
    }

    private static int TileIdOf(string key) => int.Parse(key.AsSpan(key.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);

    private static long[][][] Zeros(long[][][] like) =>
        like.Select(b => b.Select(k => new long[k.Length]).ToArray()).ToArray();

    private static long[][][] Copy(long[][][] a) =>
        a.Select(b => b.Select(k => (long[])k.Clone()).ToArray()).ToArray();

    private static double[][][] Copy(double[][][] a) =>
        a.Select(b => b.Select(k => (double[])k.Clone()).ToArray()).ToArray();

    private static void Add(long[][][] into, long[][][] add, int sign)
    {
        for (var b = 0; b < into.Length; b++)
        for (var k = 0; k < into[b].Length; k++)
        {
            var dst = into[b][k];
            var src = add[b][k];
            if (src.Length != dst.Length) throw new InvalidOperationException("a batch's counts do not have the tile's shape");
            for (var j = 0; j < dst.Length; j++) dst[j] += sign * src[j];
        }
    }
}
