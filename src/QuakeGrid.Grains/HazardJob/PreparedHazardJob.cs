using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// A validated hazard job as every silo rebuilds it from its bundle: the job, Core's deterministic plan — an
/// <see cref="EventBasedPlan"/> (event set and correlation plan over all sites) or a <see cref="ClassicalPlan"/> (every
/// rupture) —, the region tiles (spatially compact, ascending job site indices) and the rupture batches (ranges of the
/// occurring ruptures, or of all ruptures for a classical job).
/// </summary>
public sealed class PreparedHazardJob
{
    /// <summary>An event-based job.</summary>
    public PreparedHazardJob(string jobId, string fingerprint, JobConfig job, EventBasedPlan plan, HazardJobOptions options)
        : this(jobId, fingerprint, job, options)
    {
        Plan = plan;
        Batches = RuptureBatching.Split(plan.Events, plan.SiteCount, options.RupturesPerBatch);
        EventCount = plan.EventCount;
    }

    /// <summary>A classical job.</summary>
    public PreparedHazardJob(string jobId, string fingerprint, JobConfig job, ClassicalPlan plan, HazardJobOptions options)
        : this(jobId, fingerprint, job, options)
    {
        Classical = plan;
        Batches = RuptureBatching.SplitEvenly(plan.RuptureCount, plan.SiteCount, options.RupturesPerBatch);
        EventCount = plan.RuptureCount;
    }

    private PreparedHazardJob(string jobId, string fingerprint, JobConfig job, HazardJobOptions options)
    {
        JobId = jobId;
        Fingerprint = fingerprint;
        Job = job;
        Tiles = SiteTiling.Split(job.Sites, options.TileSize).Select(t => t.SiteIndices.Order().ToArray()).ToArray();
        TileSize = options.TileSize;
        Batches = [];
    }

    public string JobId { get; }
    public string Fingerprint { get; }
    public JobConfig Job { get; }
    /// <summary>The event-based plan; null for a classical job.</summary>
    public EventBasedPlan? Plan { get; }
    /// <summary>The classical plan; null for an event-based job.</summary>
    public ClassicalPlan? Classical { get; }
    /// <summary>True for a classical job (<see cref="Classical"/> is set).</summary>
    public bool IsClassical => Classical is not null;
    public int TileSize { get; }
    public int SiteCount => Job.Sites.Count;
    public IReadOnlyList<ImtLevels> Imtls => Job.Imtls;
    /// <summary>Events in the stochastic event set (event-based) or ruptures (classical): the unit of <see cref="RuptureBatch.Events"/>.</summary>
    public long EventCount { get; }

    /// <summary>The event-based plan; an error for a classical job.</summary>
    public EventBasedPlan EventBased => Plan ?? throw new InvalidOperationException($"job {JobId} is classical: it has no event-based plan");

    /// <summary>Job site indices (ascending) of each region tile.</summary>
    public IReadOnlyList<int[]> Tiles { get; }

    /// <summary>The rupture batches, ids 0..Count−1.</summary>
    public IReadOnlyList<RuptureBatch> Batches { get; }

    /// <summary>Work items in all: tiles × batches.</summary>
    public int WorkItemCount => Tiles.Count * Batches.Count;
}
