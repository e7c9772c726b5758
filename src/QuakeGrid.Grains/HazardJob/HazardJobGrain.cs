using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Hosting;
using QuakeGrid.Grains.Scenario;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Coordinator of one hazard job, classical or event-based (see <see cref="IHazardJobGrain"/>).
/// <para>
/// Submission validates the bundle by preparing the job's plan (<see cref="HazardPlanCache"/>), persists the bundle,
/// options and state, and starts a background loop on the activation's own scheduler (so its continuations interleave
/// with status calls but never run in parallel with them). The loop first asks every region which batches it has
/// applied (region state is the record of progress), then dispatches the missing work items (one rupture batch on one
/// tile each; never two at once on the same tile, each tile's batches in id order — classical tiles sum floating-point
/// rates and require it —, at most <see cref="HazardJobRuntimeOptions.Concurrency"/> in all),
/// retrying an item whose call failed for a transient reason (its silo died, the call timed out): regions are
/// idempotent per batch, so a retry never counts twice and a lost batch is recomputed.
/// </para>
/// <para>
/// Loss of the coordinator's silo: the state says <c>Running</c>; the next call to the job (a client's status poll, a
/// region asking for the definition) activates the coordinator on a live silo, whose activation restarts the loop.
/// Without any caller, the job's reminder (<see cref="ResumeReminder"/>, registered on submission, persisted by the
/// cluster's reminder service — Redis in the deployed silo — and removed on completion) activates it within a minute. Curves are aggregated from the regions'
/// persisted counts (event-based) or rates (classical) when first requested after completion (kept in memory; rebuilt after a move).
/// </para>
/// </summary>
public sealed class HazardJobGrain(
    [PersistentState("hazardjob", QuakeGridStorage.Name)] IPersistentState<HazardJobGrainState> state,
    HazardPlanCache plans,
    IOptions<HazardJobRuntimeOptions> runtimeOptions,
    ILogger<HazardJobGrain> logger) : Grain, IHazardJobGrain, IRemindable
{
    /// <summary>Name of the reminder that wakes the coordinator of an unfinished job after the loss of its silo.</summary>
    public const string ResumeReminder = "resume";

    private readonly HazardJobRuntimeOptions _runtime = runtimeOptions.Value;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _run;
    private bool[] _done = [];
    private int[] _tilesDonePerBatch = [];
    private int _workItemsDone;
    private int _batchesDone;
    private long _eventsDone;
    private long _siteEvents;
    private double _callSeconds;
    private double _computeSeconds;
    private long[][][]? _counts;
    private HazardCurveSet? _curves;

    private string JobId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.State is HazardJobState.Queued or HazardJobState.Running)
        {
            logger.LogInformation("Hazard job {JobId}: coordinator activated with the job unfinished; resuming", JobId);
            StartRun();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<HazardJobStatus> SubmitAsync(JobBundle bundle, HazardJobOptions options)
    {
        HazardJobOptionsValidator.Validate(options);
        JobBundleReader.Validate(bundle);
        var fingerprint = JobBundleReader.Fingerprint(bundle);
        if (state.RecordExists)
        {
            if (state.State.Fingerprint != fingerprint || state.State.Options != options)
                throw new QuakeGridInputException("job", JobId, null, "a job with this id was already submitted with another bundle or other options");
            if (state.State.State is HazardJobState.Queued or HazardJobState.Running && _run is null) StartRun();
            return Status();
        }

        // Validation: reads every file and builds the plan (cached for this silo's regions). Throws before any state change.
        var prepared = await plans.GetAsync(new HazardJobDefinition(JobId, bundle, options, fingerprint));

        var s = state.State;
        s.Bundle = bundle;
        s.Options = options;
        s.Fingerprint = fingerprint;
        s.State = HazardJobState.Running;
        s.Error = null;
        s.SubmittedUtc = DateTime.UtcNow;
        s.Sites = prepared.SiteCount;
        s.Tiles = prepared.Tiles.Count;
        s.Batches = prepared.Batches.Count;
        s.Events = prepared.EventCount;
        s.Classical = prepared.IsClassical;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Hazard job {JobId} ({Mode}) submitted: {Sites} sites in {Tiles} tiles, {Batches} rupture batches, {Events} {Unit}",
            JobId, s.Classical ? "classical" : "event-based", s.Sites, s.Tiles, s.Batches, s.Events, s.Classical ? "ruptures" : "events");
        StartRun();
        return Status();
    }

    /// <inheritdoc />
    public Task<HazardJobStatus> GetStatusAsync()
    {
        RequireKnown();
        return Task.FromResult(Status());
    }

    /// <inheritdoc />
    public Task<HazardJobDefinition> GetDefinitionAsync()
    {
        RequireKnown();
        var s = state.State;
        return Task.FromResult(new HazardJobDefinition(JobId, s.Bundle!, s.Options!, s.Fingerprint!));
    }

    /// <inheritdoc />
    public async Task<HazardCurveResult> GetCurvesAsync(int firstSite, int count, string[]? imts = null)
    {
        RequireKnown();
        CheckPage(firstSite, count, "firstSite", "count", HazardJobLimits.MaxSitesPerPage);
        var selected = HazardResultPages.SelectImts(JobId, state.State.Bundle!.JobFileName, await PreparedAsync(), imts);
        var curves = await CurvesAsync();
        return HazardResultPages.Curves(JobId, curves, firstSite, count, selected);
    }

    /// <inheritdoc />
    public async Task<HazardCountsPage> GetCountsAsync(int firstSite, int count)
    {
        RequireKnown();
        if (state.State.Classical)
            throw new QuakeGridInputException("job", JobId, null, "a classical job has annual exceedance rates, not event counts; ask for its curves");
        CheckPage(firstSite, count, "firstSite", "count", HazardJobLimits.MaxSitesPerPage);
        await CurvesAsync();
        return HazardResultPages.Counts(_counts!, (await PreparedAsync()).EventBased, firstSite, count);
    }

    /// <inheritdoc />
    public async Task<SiteHazard> GetSiteHazardAsync(double lon, double lat, double maxDistanceKm)
    {
        RequireKnown();
        HazardResultPages.CheckPoint(lon, lat, maxDistanceKm);
        var curves = await CurvesAsync();
        return HazardResultPages.NearestSite(JobId, curves, lon, lat, maxDistanceKm);
    }

    /// <inheritdoc />
    public async Task<HazardEvent[]> GetEventsAsync(int first, int count)
    {
        RequireKnown();
        var job = await PreparedAsync();
        IReadOnlyList<RuptureOccurrence> all = job.Plan?.Events ?? [];   // a classical job has no event set
        var total = all.Count;
        if (first < 0 || first > total) throw new QuakeGridInputException("job", JobId, "first", $"{first} is outside 0..{total}");
        if (count < 0 || count > HazardJobLimits.MaxEventsPerPage)
            throw new QuakeGridInputException("job", JobId, "count", $"{count} must be between 0 and {HazardJobLimits.MaxEventsPerPage} events per request");
        return HazardResultPages.Events(all, first, Math.Min(count, total - first));
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        _stopping.Cancel();
        if (state.RecordExists)
        {
            var tiles = state.State.Tiles;
            var clears = new List<Task>(tiles);
            for (var t = 0; t < tiles; t++) clears.Add(GrainFactory.GetGrain<IRegionHazardGrain>(HazardRegionKeys.For(JobId, t)).ClearAsync());
            await Task.WhenAll(clears);
            await state.ClearStateAsync();
            await StopReminderAsync();
        }
        state.State = new HazardJobGrainState();
        plans.Remove(JobId);
        _counts = null;
        _curves = null;
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder) return;
        if (state.RecordExists && state.State.State is HazardJobState.Queued or HazardJobState.Running) StartRun();
        else await StopReminderAsync();
    }

    private async Task StopReminderAsync()
    {
        try
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Harmless: the next tick finds the job finished and tries again.
            logger.LogWarning(e, "Hazard job {JobId}: removing the resume reminder failed", JobId);
        }
    }

    private void RequireKnown()
    {
        if (!state.RecordExists || state.State.Bundle is null) throw new QuakeGridInputException("job", JobId, null, "unknown job");
    }

    private void CheckPage(int first, int count, string firstName, string countName, int max)
    {
        var sites = state.State.Sites;
        if (first < 0 || first >= sites) throw new QuakeGridInputException("job", JobId, firstName, $"site {first} is outside 0..{sites - 1}");
        if (count < 1 || count > max) throw new QuakeGridInputException("job", JobId, countName, $"{count} sites requested; ask for 1 to {max} sites per request");
    }

    private HazardJobStatus Status()
    {
        var s = state.State;
        if (s.State == HazardJobState.Completed)
            return new HazardJobStatus(JobId, s.State, s.Batches, s.Batches, s.Events, s.Events, s.Sites, s.Error, s.Tiles,
                s.Tiles * s.Batches, s.Tiles * s.Batches, _siteEvents, _callSeconds, _computeSeconds, s.Classical);
        return new HazardJobStatus(JobId, s.State, _batchesDone, s.Batches, _eventsDone, s.Events, s.Sites, s.Error, s.Tiles,
            _workItemsDone, s.Tiles * s.Batches, _siteEvents, _callSeconds, _computeSeconds, s.Classical);
    }

    private Task<PreparedHazardJob> PreparedAsync()
    {
        var s = state.State;
        return plans.TryGet(JobId, s.Fingerprint!) ?? plans.GetAsync(new HazardJobDefinition(JobId, s.Bundle!, s.Options!, s.Fingerprint!));
    }

    private void StartRun()
    {
        if (_run is { IsCompleted: false }) return;
        DelayDeactivation(TimeSpan.FromHours(1));
        _run = RunAsync(_stopping.Token);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var job = await PreparedAsync();
            _done = new bool[job.WorkItemCount];
            _tilesDonePerBatch = new int[job.Batches.Count];
            _workItemsDone = _batchesDone = 0;
            _eventsDone = 0;
            await ReconcileAsync(job, stop);
            await DispatchAsync(job, stop);
            if (stop.IsCancellationRequested) return;
            state.State.State = HazardJobState.Completed;
            state.State.CompletedUtc = DateTime.UtcNow;
            await WithRetryAsync(() => state.WriteStateAsync(), "persisting completion", stop);
            await StopReminderAsync();
            logger.LogInformation("Hazard job {JobId} completed", JobId);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Deactivating (silo shutting down, job released): the persisted state says Running; the next activation resumes.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Hazard job {JobId} failed", JobId);
            state.State.State = HazardJobState.Failed;
            state.State.Error = e is QuakeGridInputException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            try { await state.WriteStateAsync(); }
            catch (Exception w) when (w is not OutOfMemoryException) { logger.LogWarning(w, "Hazard job {JobId}: persisting the failure failed", JobId); }
        }
    }

    /// <summary>Marks the work items every region reports as applied (after a move, most of the job may be done).</summary>
    private async Task ReconcileAsync(PreparedHazardJob job, CancellationToken stop)
    {
        var applied = await Task.WhenAll(Enumerable.Range(0, job.Tiles.Count).Select(t =>
            WithRetryAsync(() => GrainFactory.GetGrain<IRegionHazardGrain>(HazardRegionKeys.For(JobId, t)).GetAppliedBatchesAsync(), $"querying tile {t}", stop)));
        for (var t = 0; t < applied.Length; t++)
            foreach (var b in applied[t])
                if ((uint)b < (uint)job.Batches.Count) MarkDone(job, b * job.Tiles.Count + t, 0);
        if (_workItemsDone > 0)
            logger.LogInformation("Hazard job {JobId}: {Done} of {Total} work items were already applied", JobId, _workItemsDone, job.WorkItemCount);
    }

    /// <summary>
    /// Dispatches the pending work items: each tile's batches in ascending id order, one at a time per tile, the lowest
    /// pending batch first across tiles (batch-major, so whole batches complete roughly in order), at most the job's
    /// concurrency in flight.
    /// </summary>
    private async Task DispatchAsync(PreparedHazardJob job, CancellationToken stop)
    {
        var tiles = job.Tiles.Count;
        var batches = job.Batches.Count;
        var next = new int[tiles];   // per tile: the lowest batch not done
        var ready = new PriorityQueue<int, (int Batch, int Tile)>();
        for (var t = 0; t < tiles; t++)
        {
            next[t] = NextPending(job, t, 0);
            if (next[t] < batches) ready.Enqueue(t, (next[t], t));
        }
        var inFlight = new Dictionary<Task<HazardWorkOutcome>, int>();
        var limit = Math.Max(1, _runtime.Concurrency(state.State.Options!.MaxConcurrentBatches));
        while (ready.Count > 0 || inFlight.Count > 0)
        {
            stop.ThrowIfCancellationRequested();
            while (inFlight.Count < limit && ready.TryDequeue(out var tile, out _))
            {
                var item = next[tile] * tiles + tile;
                inFlight.Add(ApplyAsync(job, item, stop), item);
            }
            var finished = await Task.WhenAny(inFlight.Keys);
            var done = inFlight[finished];
            inFlight.Remove(finished);
            var outcome = await finished;   // a non-transient failure fails the job
            MarkDone(job, done, outcome.SiteEvents);
            var t = done % tiles;
            next[t] = NextPending(job, t, next[t] + 1);
            if (next[t] < batches) ready.Enqueue(t, (next[t], t));
            DelayDeactivation(TimeSpan.FromHours(1));
        }
    }

    /// <summary>The lowest batch ≥ <paramref name="from"/> not done on <paramref name="tile"/> (Batches.Count when none).</summary>
    private int NextPending(PreparedHazardJob job, int tile, int from)
    {
        var b = from;
        while (b < job.Batches.Count && _done[b * job.Tiles.Count + tile]) b++;
        return b;
    }

    private Task<HazardWorkOutcome> ApplyAsync(PreparedHazardJob job, int item, CancellationToken stop)
    {
        var tiles = job.Tiles.Count;
        var tile = item % tiles;
        var batch = job.Batches[item / tiles];
        var work = new HazardWorkItem(JobId, tile, job.TileSize, batch.Id, batch.First, batch.Count, job.Fingerprint);
        var region = GrainFactory.GetGrain<IRegionHazardGrain>(HazardRegionKeys.For(JobId, tile));
        return TimedAsync(() => WithRetryAsync(() => region.ApplyAsync(work), $"tile {tile} batch {batch.Id}", stop));
    }

    private async Task<HazardWorkOutcome> TimedAsync(Func<Task<HazardWorkOutcome>> call)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await call();
        _callSeconds += clock.Elapsed.TotalSeconds;
        _computeSeconds += outcome.ComputeSeconds;
        return outcome;
    }

    private void MarkDone(PreparedHazardJob job, int item, long siteEvents)
    {
        if (_done[item]) return;
        _done[item] = true;
        _workItemsDone++;
        _siteEvents += siteEvents;
        var b = item / job.Tiles.Count;
        if (++_tilesDonePerBatch[b] == job.Tiles.Count)
        {
            _batchesDone++;
            _eventsDone += job.Batches[b].Events;
        }
    }

    private async Task WithRetryAsync(Func<Task> call, string what, CancellationToken stop) =>
        await WithRetryAsync(async () => { await call(); return true; }, what, stop);

    /// <summary>Runs a grain call, retrying transient failures (a silo went away, a timeout) with a growing pause.</summary>
    private async Task<T> WithRetryAsync<T>(Func<Task<T>> call, string what, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                return await call();
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && attempt < _runtime.MaxAttempts)
            {
                logger.LogInformation("Hazard job {JobId}: {What} attempt {Attempt} failed ({Error}); retrying", JobId, what, attempt, e.Message);
                await Task.Delay(_runtime.RetryDelay * attempt, stop);
            }
        }
    }

    /// <summary>The job's curves from every region's counts (once per activation, after completion).</summary>
    private async Task<HazardCurveSet> CurvesAsync()
    {
        var s = state.State;
        if (s.State != HazardJobState.Completed)
            throw new InvalidOperationException(s.State == HazardJobState.Failed
                ? $"hazard job {JobId} failed: {s.Error}"
                : $"hazard job {JobId} is not finished ({_workItemsDone} of {s.Tiles * s.Batches} work items done)");
        if (_curves is not null) return _curves;
        var job = await PreparedAsync();
        if (job.Classical is { } classical)
        {
            _curves = await ClassicalCurvesAsync(job, classical);
            return _curves;
        }
        var plan = job.EventBased;
        var counts = new long[plan.BranchCount][][];
        for (var b = 0; b < counts.Length; b++)
        {
            counts[b] = new long[plan.Imtls.Count][];
            for (var k = 0; k < plan.Imtls.Count; k++) counts[b][k] = new long[plan.SiteCount * plan.Imtls[k].Levels.Length];
        }
        var stop = _stopping.Token;
        var regions = await Task.WhenAll(Enumerable.Range(0, job.Tiles.Count).Select(t =>
            WithRetryAsync(() => GrainFactory.GetGrain<IRegionHazardGrain>(HazardRegionKeys.For(JobId, t)).GetCountsAsync(), $"fetching tile {t}", stop)));
        foreach (var r in regions)
        {
            if (r.AppliedBatches.Length != job.Batches.Count && job.Batches.Count > 0)
                throw new InvalidOperationException($"hazard job {JobId}: tile {r.TileId} holds {r.AppliedBatches.Length} of {job.Batches.Count} batches");
            if (r.Counts.Length == 0) continue;   // a job without events: every count is zero
            HazardResultPages.Scatter(r, plan, counts);
        }
        _counts = counts;
        _curves = EventBasedCurves.FromCounts(plan, counts);
        return _curves;
    }

    /// <summary>The classical job's curves from every region's persisted rates (each region must hold every batch).</summary>
    private async Task<HazardCurveSet> ClassicalCurvesAsync(PreparedHazardJob job, ClassicalPlan plan)
    {
        var rates = new double[plan.BranchCount][][];
        for (var b = 0; b < rates.Length; b++)
        {
            rates[b] = new double[plan.Imtls.Count][];
            for (var k = 0; k < plan.Imtls.Count; k++) rates[b][k] = new double[plan.SiteCount * plan.Imtls[k].Levels.Length];
        }
        var stop = _stopping.Token;
        var regions = await Task.WhenAll(Enumerable.Range(0, job.Tiles.Count).Select(t =>
            WithRetryAsync(() => GrainFactory.GetGrain<IRegionHazardGrain>(HazardRegionKeys.For(JobId, t)).GetRatesAsync(), $"fetching tile {t}", stop)));
        foreach (var r in regions)
        {
            if (r.AppliedBatches.Length != job.Batches.Count && job.Batches.Count > 0)
                throw new InvalidOperationException($"hazard job {JobId}: tile {r.TileId} holds {r.AppliedBatches.Length} of {job.Batches.Count} batches");
            if (r.Rates.Length == 0) continue;   // a job without ruptures: every rate is zero
            HazardResultPages.Scatter(r, plan.Imtls, rates);
        }
        return ClassicalCurves.FromRates(plan, rates);
    }
}
