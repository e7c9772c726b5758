using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Scenario;

namespace QuakeGrid.Client;

/// <summary>
/// Runs scenario shaking jobs on a QuakeGrid cluster (embedded or remote). The sites are split into region tiles
/// (<see cref="SiteTiling"/>), each tile is loaded into its region grain, the coordinator grain fans the rupture out
/// to the regions, and the results come back tile by tile and are put in input site order. Every grain call is
/// short; progress is polled. A call that fails because a silo went away is retried, and a job whose coordinator was
/// lost is started again (its regions kept their sites in grain storage, and the maths is deterministic).
/// </summary>
public sealed class ScenarioJobClient
{
    private readonly IGrainFactory _grains;
    private readonly ScenarioJobClientOptions _options;

    /// <summary>A client that reaches grains through <paramref name="grains"/> (an <see cref="IClusterClient"/>).</summary>
    public ScenarioJobClient(IGrainFactory grains, ScenarioJobClientOptions? options = null)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _options = options ?? new ScenarioJobClientOptions();
    }

    /// <summary>Runs one scenario job and returns its results in input site order.</summary>
    /// <exception cref="QuakeGridInputException">When the request is invalid (unknown GMM or IMT, bad tile size...).</exception>
    /// <exception cref="InvalidOperationException">When the job failed on the cluster.</exception>
    public async Task<ScenarioResult> RunAsync(ScenarioRequest request, IProgress<ScenarioProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobId = Guid.NewGuid().ToString("N");
        var spec = BuildSpec(jobId, request, out var tiles);
        // Fail fast, before any upload, with the same checks the coordinator applies.
        ScenarioJobValidator.Validate(spec);

        var job = _grains.GetGrain<IScenarioJobGrain>(jobId);
        try
        {
            await ForEachTileAsync(tiles, (tile, c) => CallAsync(
                () => _grains.GetGrain<IRegionGrain>(RegionKeys.For(jobId, tile.TileId)).LoadSitesAsync(RegionSitesMapper.FromTile(request.Sites, tile)), c), ct);

            for (var restart = 0; ; restart++)
            {
                await CallAsync(() => job.StartAsync(spec), ct);
                if (await WaitAsync(job, progress, ct) && await TryFetchAsync(job, spec, request, tiles, ct) is { } values)
                    return new ScenarioResult(jobId, values);
                if (restart >= _options.MaxJobRestarts)
                    throw new InvalidOperationException($"scenario job {jobId}: its coordinator was lost {restart + 1} times; giving up");
            }
        }
        finally
        {
            await ReleaseQuietlyAsync(job);
        }
    }

    private static ScenarioJobSpec BuildSpec(string jobId, ScenarioRequest r, out IReadOnlyList<SiteTile> tiles)
    {
        const string source = "scenario request";
        if (r.Rupture is null) throw new QuakeGridInputException(source, null, "rupture", "no rupture was given");
        if (r.Sites is null || r.Sites.Count == 0) throw new QuakeGridInputException(source, null, "sites", "no sites were given");
        if (r.Imts is null || r.Imts.Count == 0) throw new QuakeGridInputException(source, null, "imts", "no intensity measure type was given");
        if (r.GmmOptions is null) throw new QuakeGridInputException(source, null, "gmmOptions", "no GMM options were given");
        if (r.TileSize <= 0) throw new QuakeGridInputException(source, null, "tileSize", $"tile size {r.TileSize} must be a positive number of sites");
        tiles = SiteTiling.Split(r.Sites, r.TileSize);
        var imts = r.Imts.Select(i => i.ToString()).ToArray();
        return new ScenarioJobSpec(jobId, RuptureSpecMapper.FromCore(r.Rupture), imts,
            GmmSpecMapper.FromCore(r.GmmName, r.GmmOptions), tiles.Count, r.Sites.Count);
    }

    /// <summary>Polls until the job completes (true) or its coordinator turns out to be lost (false).</summary>
    private async Task<bool> WaitAsync(IScenarioJobGrain job, IProgress<ScenarioProgress>? progress, CancellationToken ct)
    {
        var lastDone = -1;
        while (true)
        {
            var p = await CallAsync(job.GetProgressAsync, ct);
            switch (p.Status)
            {
                case ScenarioJobStatus.Unknown:
                    return false;
                case ScenarioJobStatus.Failed:
                    throw new InvalidOperationException($"scenario job {p.JobId} failed: {p.Error}");
            }
            if (p.RegionsDone != lastDone)
            {
                lastDone = p.RegionsDone;
                progress?.Report(new ScenarioProgress(p.RegionsDone, p.RegionsTotal));
            }
            if (p.Status == ScenarioJobStatus.Completed) return true;
            await Task.Delay(_options.PollInterval, ct);
        }
    }

    /// <summary>Fetches every tile's result into one <see cref="GmmResult"/>; null when the coordinator was lost meanwhile.</summary>
    private async Task<GmmResult?> TryFetchAsync(IScenarioJobGrain job, ScenarioJobSpec spec, ScenarioRequest request, IReadOnlyList<SiteTile> tiles, CancellationToken ct)
    {
        var values = new GmmResult(request.Imts, request.Sites.Count);
        var lost = false;
        await ForEachTileAsync(tiles, async (tile, c) =>
        {
            if (lost) return;
            RegionResult r;
            try
            {
                r = await CallAsync(() => job.GetRegionResultAsync(tile.TileId), c);
            }
            catch (InvalidOperationException)
            {
                // The coordinator answers "unknown job" when it was lost with its silo; anything else is a real failure.
                if ((await CallAsync(job.GetProgressAsync, c)).Status != ScenarioJobStatus.Unknown) throw;
                lost = true;
                return;
            }
            Scatter(r, tile, spec.Imts, values);
        }, ct);
        return lost ? null : values;
    }

    /// <summary>Copies one tile's flattened arrays into [imt][site] arrays at the tile's input positions.</summary>
    private static void Scatter(RegionResult r, SiteTile tile, string[] imts, GmmResult into)
    {
        var n = tile.Count;
        var m = imts.Length;
        if (r.TileId != tile.TileId || !r.SiteIndices.AsSpan().SequenceEqual(tile.SiteIndices) || !r.Imts.AsSpan().SequenceEqual(imts)
            || r.LnMedian.Length != m * n || r.Tau.Length != m * n || r.Phi.Length != m * n || r.Sigma.Length != m * n)
            throw new InvalidOperationException($"region result for tile {tile.TileId} does not match the tile that was sent (sites or IMTs differ)");
        for (var k = 0; k < m; k++)
        {
            var ln = into.LnMedian[k];
            var tau = into.Tau[k];
            var phi = into.Phi[k];
            var sigma = into.Sigma[k];
            var off = k * n;
            for (var i = 0; i < n; i++)
            {
                var s = tile.SiteIndices[i];
                ln[s] = r.LnMedian[off + i];
                tau[s] = r.Tau[off + i];
                phi[s] = r.Phi[off + i];
                sigma[s] = r.Sigma[off + i];
            }
        }
    }

    private Task ForEachTileAsync(IReadOnlyList<SiteTile> tiles, Func<SiteTile, CancellationToken, Task> body, CancellationToken ct) =>
        Parallel.ForEachAsync(tiles, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentTransfers), CancellationToken = ct },
            async (tile, c) => await body(tile, c));

    private async Task CallAsync(Func<Task> call, CancellationToken ct) =>
        await CallAsync(async () => { await call(); return true; }, ct);

    /// <summary>Runs a grain call, retrying transient failures (silo lost, message rejected, timeout).</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return await call();
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && attempt < _options.MaxAttempts)
            {
                await Task.Delay(_options.RetryDelay * attempt, ct);
            }
        }
    }

    /// <summary>
    /// Frees the job's grains. A failure here leaves only idle grains behind (they are collected when idle), so it
    /// must not mask the job's own outcome.
    /// </summary>
    private static async Task ReleaseQuietlyAsync(IScenarioJobGrain job)
    {
        try
        {
            await job.ReleaseAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Cleanup only: the result (or the original error) is what the caller needs.
        }
    }
}
