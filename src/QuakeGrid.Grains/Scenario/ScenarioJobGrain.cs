using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.Scenario;

/// <summary>
/// Coordinator of one scenario job. <see cref="StartAsync"/> validates and returns; a background loop on the
/// grain's own scheduler then calls the job's region grains, at most
/// <see cref="ScenarioJobOptions.MaxConcurrentRegions"/> at a time, retrying a region whose call failed for a
/// transient reason (its silo died: the region reactivates elsewhere from its persisted sites). Results are kept
/// per tile until the client fetches them and calls <see cref="ReleaseAsync"/>.
/// </summary>
public sealed class ScenarioJobGrain(IOptions<ScenarioJobOptions> options, ILogger<ScenarioJobGrain> logger)
    : Grain, IScenarioJobGrain
{
    private readonly ScenarioJobOptions _options = options.Value;
    private ScenarioJobSpec? _spec;
    private RegionResult?[] _results = [];
    private int _done;
    private int _next;
    private string? _error;
    private bool _released;

    private string JobId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<ScenarioJobProgress> StartAsync(ScenarioJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!string.Equals(spec.JobId, JobId, StringComparison.Ordinal))
            throw new QuakeGridInputException($"scenario job {JobId}", null, "jobId", $"the spec names job '{spec.JobId}' but was sent to coordinator '{JobId}'");
        if (_spec is not null)
        {
            if (!ScenarioJobSpecs.Equivalent(_spec, spec))
                throw new InvalidOperationException($"scenario job {JobId} was already started with a different spec");
            return Task.FromResult(Progress());
        }

        ScenarioJobValidator.Validate(spec);
        _spec = spec;
        _results = new RegionResult?[spec.RegionCount];
        _done = 0;
        _next = 0;
        _error = null;
        _released = false;
        // Runs on this activation's scheduler: its continuations interleave with GetProgress calls but never in parallel.
        _ = RunAsync(spec);
        return Task.FromResult(Progress());
    }

    /// <inheritdoc />
    public Task<ScenarioJobProgress> GetProgressAsync() => Task.FromResult(Progress());

    /// <inheritdoc />
    public Task<RegionResult> GetRegionResultAsync(int tileId)
    {
        if (_spec is null) throw new InvalidOperationException($"scenario job {JobId} is unknown here (never started, released, or lost with its silo)");
        if (_error is not null) throw new InvalidOperationException($"scenario job {JobId} failed: {_error}");
        if (tileId < 0 || tileId >= _results.Length)
            throw new QuakeGridInputException($"scenario job {JobId}", null, "tileId", $"tile {tileId} is outside 0..{_results.Length - 1}");
        return Task.FromResult(_results[tileId] ?? throw new InvalidOperationException($"scenario job {JobId}: tile {tileId} is not finished yet"));
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        var spec = _spec;
        _released = true;
        _spec = null;
        _results = [];
        if (spec is not null)
        {
            var clears = new List<Task>(spec.RegionCount);
            for (var t = 0; t < spec.RegionCount; t++)
                clears.Add(GrainFactory.GetGrain<IRegionGrain>(RegionKeys.For(spec.JobId, t)).ClearAsync());
            await Task.WhenAll(clears);
        }
        DeactivateOnIdle();
    }

    private ScenarioJobProgress Progress() => _spec is null
        ? new ScenarioJobProgress(JobId, ScenarioJobStatus.Unknown, 0, 0, null)
        : new ScenarioJobProgress(JobId,
            _error is not null ? ScenarioJobStatus.Failed : _done == _spec.RegionCount ? ScenarioJobStatus.Completed : ScenarioJobStatus.Running,
            _done, _spec.RegionCount, _error);

    private async Task RunAsync(ScenarioJobSpec spec)
    {
        var workers = new Task[Math.Min(Math.Max(1, _options.MaxConcurrentRegions), spec.RegionCount)];
        for (var w = 0; w < workers.Length; w++) workers[w] = WorkerAsync(spec);
        try
        {
            await Task.WhenAll(workers);
        }
        catch (Exception e)
        {
            _error ??= e.Message;
        }
        if (_error is not null) logger.LogWarning("Scenario job {JobId} failed: {Error}", spec.JobId, _error);
    }

    private async Task WorkerAsync(ScenarioJobSpec spec)
    {
        while (ReferenceEquals(_spec, spec) && _error is null && !_released && _next < spec.RegionCount)
        {
            var tile = _next++;
            var result = await ComputeWithRetryAsync(spec, tile);
            if (!ReferenceEquals(_spec, spec) || _released) return;
            _results[tile] = result;
            _done++;
        }
    }

    private async Task<RegionResult> ComputeWithRetryAsync(ScenarioJobSpec spec, int tile)
    {
        var region = GrainFactory.GetGrain<IRegionGrain>(RegionKeys.For(spec.JobId, tile));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await region.ComputeScenarioAsync(spec);
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && attempt < _options.MaxAttemptsPerRegion)
            {
                logger.LogInformation("Scenario job {JobId}: tile {Tile} attempt {Attempt} failed ({Error}); retrying", spec.JobId, tile, attempt, e.Message);
                await Task.Delay(_options.RetryDelay * attempt);
            }
            catch (Exception e)
            {
                _error ??= $"tile {tile}: {e.Message}";
                throw;
            }
        }
    }
}
