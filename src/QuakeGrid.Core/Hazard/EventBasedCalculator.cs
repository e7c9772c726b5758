using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Event-based (Monte Carlo) PSHA as OpenQuake's event_based calculator:
/// <list type="number">
/// <item>each rupture r occurs N_r ~ Poisson(ν_r · t · n_ses) times, drawn from the stream
/// (<c>ses_seed</c>, rupture id, "occurrence");</item>
/// <item>each occurrence (event) gets a ground-motion field at the sites within <c>maximum_distance</c> (Rrup):
/// ln Y = μ + τ·η + φ·ε with η a between-event and ε a within-event standard normal (ε spatially correlated when a
/// field sampler is given); for GMMs that publish only the total σ (Tau/Phi NaN), ln Y = μ + σ·ε with independent ε.
/// Independent draws are truncated like the classical exceedance model;</item>
/// <item>exceedances of every level are counted, and the PoE in the investigation time is 1 − exp(−count / n_ses).</item>
/// </list>
/// A thin loop over the tileable API (<see cref="EventBasedPlan"/>, <see cref="EventBasedTile"/>): one tile with all sites,
/// rupture batches in parallel. Every draw is keyed by (job seed, rupture id, event number, IMT, global site index), so
/// results do not depend on thread, batch or tile counts (counts are integers, summed exactly).
/// </summary>
public static class EventBasedCalculator
{
    /// <summary>Rupture id from the source index and the rupture index in the source.</summary>
    public static long RuptureId(int sourceIndex, int indexInSource) => ((long)sourceIndex << 32) | (uint)indexInSource;

    /// <summary>
    /// Runs the job; <paramref name="model"/> defaults to the job's source model file. Within-event residuals are
    /// correlated when <paramref name="fieldSampler"/> is given (a <see cref="VecchiaFieldSampler"/> over the job's sites,
    /// e.g. <see cref="VecchiaFieldSampler.ForJob"/>) or the job has a <c>posterior:</c> correlation model (per-event
    /// hyperparameters, <see cref="EventBasedPlan.Posterior"/>; a given sampler takes precedence), independent otherwise.
    /// </summary>
    public static EventBasedResult Run(JobConfig job, SourceModel? model = null, IWithinEventFieldSampler? fieldSampler = null,
        IProgress<HazardProgress>? progress = null, CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (fieldSampler is not null and not VecchiaFieldSampler)
            throw new ArgumentException($"the event-based calculator needs a {nameof(VecchiaFieldSampler)} (tileable fields), not {fieldSampler.GetType().Name}", nameof(fieldSampler));
        if (fieldSampler is not null && fieldSampler.SiteCount != job.Sites.Count)
            throw new ArgumentException($"the field sampler covers {fieldSampler.SiteCount} sites, the job has {job.Sites.Count}", nameof(fieldSampler));
        var threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        var options = new EventBasedOptions
        {
            Correlated = fieldSampler is not null || job.CorrelationPosterior is not null,
            FieldSampler = fieldSampler as VecchiaFieldSampler,
            MaxDegreeOfParallelism = threads,
        };
        var plan = EventBasedPlan.Prepare(job, model, options, progress, cancellationToken);
        var sites = new int[job.Sites.Count];
        for (var i = 0; i < sites.Length; i++) sites[i] = i;
        var tile = EventBasedTile.Create(plan, sites);
        var total = Run(plan, tile, threads, progress, cancellationToken);
        var curves = EventBasedCurves.FromCounts(plan, total.Counts);
        return new EventBasedResult(curves, plan.Events, total.SiteEvents, plan.EventCount) { EpicentreFactors = tile.EpicentreFactorStats };
    }

    /// <summary>
    /// Simulates every occurring rupture of <paramref name="plan"/> for <paramref name="tile"/> in parallel and returns
    /// the summed counts (<see cref="SimulateInto"/> over all ruptures into new count arrays), reporting progress.
    /// </summary>
    public static TileCounts Run(EventBasedPlan plan, EventBasedTile tile, int maxDegreeOfParallelism = -1,
        IProgress<HazardProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tile);
        var total = SimulateInto(plan, tile, tile.EmptyCounts(), 0, plan.RuptureCount, maxDegreeOfParallelism, progress, cancellationToken);
        progress?.Report(new HazardProgress(plan.SourceCount, plan.SourceCount, plan.GeneratedRuptureCount, plan.SiteCount, plan.EventCount, plan.EventCount));
        return total;
    }

    /// <summary>
    /// Simulates the occurring ruptures [<paramref name="firstRupture"/>, <paramref name="firstRupture"/> +
    /// <paramref name="count"/>) of <paramref name="plan"/> for <paramref name="tile"/> in parallel, adding the counts into
    /// <paramref name="into"/>'s arrays (the tile's shape, e.g. <see cref="EventBasedTile.EmptyCounts"/> or counts of
    /// earlier ranges): the range is cut into batches (about 8 per thread, contiguous), and each of the (up to)
    /// <paramref name="maxDegreeOfParallelism"/> workers takes batches in turn on one workspace and drains its histograms
    /// into the shared arrays under a lock (<see cref="EventBasedTile.SimulateShared"/>; integers, so the sum is exact
    /// whatever the thread that ran a batch and the order of the drains). Returns <paramref name="into"/>'s arrays with
    /// the range's site-events and events added. If it throws (e.g. cancelled), the arrays may hold part of the range.
    /// </summary>
    public static TileCounts SimulateInto(EventBasedPlan plan, EventBasedTile tile, TileCounts into, int firstRupture, int count,
        int maxDegreeOfParallelism = -1, IProgress<HazardProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tile);
        ArgumentNullException.ThrowIfNull(into);
        if (!ReferenceEquals(tile.Plan, plan)) throw new ArgumentException("the tile was created from another plan", nameof(tile));
        tile.CheckShape(into);
        if (firstRupture < 0 || count < 0 || (long)firstRupture + count > plan.RuptureCount)
            throw new ArgumentOutOfRangeException(nameof(count), $"ruptures [{firstRupture}, +{count}) are outside the plan's {plan.RuptureCount} occurring ruptures");
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var batches = Math.Max(1, Math.Min(count, threads * 8));
        var workers = Math.Min(threads, batches);
        var drainLock = new object();
        long siteEvents = 0, events = 0;
        long eventsDone = 0;
        var next = -1;
        // One accumulator per worker (not per batch or Parallel.For replica): batches are taken in turn from a shared counter.
        Parallel.For(0, workers, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers }, w =>
        {
            long reported = 0;
            (int, int)? Next(long eventsSoFar)
            {
                var done = Interlocked.Add(ref eventsDone, eventsSoFar - reported);
                if (eventsSoFar > reported)
                    progress?.Report(new HazardProgress(plan.SourceCount, plan.SourceCount, plan.GeneratedRuptureCount, plan.SiteCount, done, plan.EventCount));
                reported = eventsSoFar;
                cancellationToken.ThrowIfCancellationRequested();
                var i = Interlocked.Increment(ref next);
                if (i >= batches) return null;
                var first = firstRupture + (int)((long)count * i / batches);
                var last = firstRupture + (int)((long)count * (i + 1) / batches);
                return (first, last - first);
            }
            var (se, ev) = tile.SimulateShared(into, drainLock, Next, cancellationToken);
            Interlocked.Add(ref siteEvents, se);
            Interlocked.Add(ref events, ev);
        });
        return into with { SiteEvents = into.SiteEvents + siteEvents, Events = into.Events + events };
    }
}
