using System.Runtime.CompilerServices;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;
using QuakeGrid.Grains.Scenario;

namespace QuakeGrid.Client;

/// <summary>
/// Runs hazard jobs, classical or event-based, on a QuakeGrid cluster (embedded or remote) through
/// <see cref="IHazardJobGrain"/>:
/// submit a <see cref="JobBundle"/>, follow its progress (<see cref="WatchAsync"/> polls; each poll also reactivates a
/// coordinator lost with its silo, which then resumes the job), and fetch the final curves, counts and event set in
/// pages (a classical job has no event set: its event list is empty). Calls that fail for a transient reason (a silo went
/// away) are retried.
/// </summary>
public sealed class HazardJobClient
{
    private readonly IGrainFactory _grains;
    private readonly HazardJobClientOptions _options;

    /// <summary>A client that reaches grains through <paramref name="grains"/> (an <see cref="IClusterClient"/>).</summary>
    public HazardJobClient(IGrainFactory grains, HazardJobClientOptions? options = null)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        _options = options ?? new HazardJobClientOptions();
        if (_options.PageSize is < 1 or > HazardJobLimits.MaxSitesPerPage)
            throw new ArgumentOutOfRangeException(nameof(options), _options.PageSize, $"page size must be 1..{HazardJobLimits.MaxSitesPerPage}");
    }

    /// <summary>Submits the job under <paramref name="jobId"/> (validated on the cluster; idempotent for the same bundle).</summary>
    public Task<HazardJobStatus> SubmitAsync(string jobId, JobBundle bundle, HazardJobOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(bundle);
        var o = options ?? new HazardJobOptions();
        return CallAsync(() => Job(jobId).SubmitAsync(bundle, o), ct);
    }

    /// <summary>The job's status (an unknown id is a <c>QuakeGridInputException</c>).</summary>
    public Task<HazardJobStatus> GetStatusAsync(string jobId, CancellationToken ct = default) =>
        CallAsync(() => Job(jobId).GetStatusAsync().WaitAsync(_options.StatusTimeout, ct), ct);

    /// <summary>
    /// Polls the job's status and yields it whenever it changed, ending after the first Completed or Failed status.
    /// </summary>
    public async IAsyncEnumerable<HazardJobStatus> WatchAsync(string jobId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        HazardJobStatus? last = null;
        while (true)
        {
            var s = await GetStatusAsync(jobId, ct);
            if (last is null || s != last) yield return s;
            last = s;
            if (s.State is HazardJobState.Completed or HazardJobState.Failed) yield break;
            await Task.Delay(_options.PollInterval, ct);
        }
    }

    /// <summary>Waits for the job to complete, reporting each status change; a failed job is an <see cref="InvalidOperationException"/>.</summary>
    public async Task<HazardJobStatus> WaitAsync(string jobId, IProgress<HazardJobStatus>? progress = null, CancellationToken ct = default)
    {
        HazardJobStatus? last = null;
        await foreach (var s in WatchAsync(jobId, ct))
        {
            progress?.Report(s);
            last = s;
        }
        if (last!.State == HazardJobState.Failed) throw new InvalidOperationException($"hazard job {jobId} failed: {last.Error}");
        return last;
    }

    /// <summary>The finished job's mean curves and maps for every site, fetched in pages.</summary>
    public async Task<HazardCurveSet> GetCurvesAsync(string jobId, CancellationToken ct = default)
    {
        var first = await CallAsync(() => Job(jobId).GetCurvesAsync(0, _options.PageSize), ct);
        var n = first.SiteCount;
        var pages = new List<HazardCurveResult> { first };
        for (var s = first.Count; s < n; s += _options.PageSize)
        {
            var from = s;
            pages.Add(await CallAsync(() => Job(jobId).GetCurvesAsync(from, _options.PageSize), ct));
        }
        return Assemble(first, pages);
    }

    /// <summary>The finished job's exceedance counts <c>[branch][imt][site · nLevels + level]</c> for every site.</summary>
    public async Task<long[][][]> GetCountsAsync(string jobId, int siteCount, CancellationToken ct = default)
    {
        long[][][]? all = null;
        for (var s = 0; s < siteCount; s += _options.PageSize)
        {
            var from = s;
            var page = await CallAsync(() => Job(jobId).GetCountsAsync(from, _options.PageSize), ct);
            all ??= page.Counts.Select(b => b.Select(k => new long[k.Length / page.Count * siteCount]).ToArray()).ToArray();
            for (var b = 0; b < all.Length; b++)
            for (var k = 0; k < all[b].Length; k++)
            {
                var nl = page.Counts[b][k].Length / page.Count;
                page.Counts[b][k].CopyTo(all[b][k], (long)from * nl);
            }
        }
        return all ?? [];
    }

    /// <summary>The job's stochastic event set (occurring ruptures in order), fetched in pages.</summary>
    public async Task<IReadOnlyList<RuptureOccurrence>> GetEventsAsync(string jobId, CancellationToken ct = default)
    {
        var events = new List<RuptureOccurrence>();
        while (true)
        {
            var from = events.Count;
            var page = await CallAsync(() => Job(jobId).GetEventsAsync(from, HazardJobLimits.MaxEventsPerPage), ct);
            foreach (var e in page)
                events.Add(new RuptureOccurrence(e.RuptureId, e.SourceId, e.Magnitude, e.Rake, new GeoPoint(e.Lon, e.Lat, e.Depth), e.AnnualRate, e.Occurrences));
            if (page.Length < HazardJobLimits.MaxEventsPerPage) return events;
        }
    }

    /// <summary>Submits, waits (reporting progress), and fetches curves and events. The job's grains are left in place.</summary>
    public async Task<HazardJobResult> RunAsync(string jobId, JobBundle bundle, HazardJobOptions? options = null,
        IProgress<HazardJobStatus>? progress = null, CancellationToken ct = default)
    {
        var submitted = await SubmitAsync(jobId, bundle, options, ct);
        progress?.Report(submitted);
        var status = await WaitAsync(jobId, progress, ct);
        var curves = await GetCurvesAsync(jobId, ct);
        var events = await GetEventsAsync(jobId, ct);
        return new HazardJobResult(jobId, status, curves, events);
    }

    /// <summary>Clears the job's coordinator and region grains (their persisted state included).</summary>
    public Task ReleaseAsync(string jobId, CancellationToken ct = default) => CallAsync(async () => { await Job(jobId).ReleaseAsync(); return true; }, ct);

    private IHazardJobGrain Job(string jobId) => _grains.GetGrain<IHazardJobGrain>(jobId);

    private static HazardCurveSet Assemble(HazardCurveResult first, List<HazardCurveResult> pages)
    {
        var n = first.SiteCount;
        double[] Join(Func<HazardCurveResult, double[]> part) => pages.SelectMany(part).ToArray();
        var lon = Join(p => p.Lon);
        if (lon.Length != n) throw new InvalidOperationException($"curve pages hold {lon.Length} sites, the job {n}");
        var sites = new SiteCollection(lon, Join(p => p.Lat), Join(p => p.Vs30), Join(p => p.Z1pt0), $"hazard job {first.JobId}");
        var imtls = first.Imts.Select((imt, k) => new ImtLevels(Imt.Parse(imt), first.Levels[k])).ToArray();
        var poes = new double[imtls.Length][];
        for (var k = 0; k < poes.Length; k++) poes[k] = pages.SelectMany(p => p.Poes[k]).ToArray();
        return new HazardCurveSet(sites, Join(p => p.Depth), imtls, first.InvestigationTime, poes, first.MapPoes);
    }

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
}
