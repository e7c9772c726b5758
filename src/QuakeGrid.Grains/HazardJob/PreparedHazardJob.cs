using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// A validated event-based job as every silo rebuilds it from its bundle: the job, the source model, Core's deterministic
/// <see cref="EventBasedPlan"/> (event set and correlation plan over all sites), the region tiles (spatially compact,
/// ascending job site indices) and the rupture batches.
/// </summary>
public sealed class PreparedHazardJob
{
    public PreparedHazardJob(string jobId, string fingerprint, JobConfig job, SourceModel model, EventBasedPlan plan, int tileSize, int rupturesPerBatch)
    {
        JobId = jobId;
        Fingerprint = fingerprint;
        Job = job;
        Model = model;
        Plan = plan;
        Tiles = SiteTiling.Split(job.Sites, tileSize).Select(t => t.SiteIndices.Order().ToArray()).ToArray();
        Batches = RuptureBatching.Split(plan.Events, plan.SiteCount, rupturesPerBatch);
        TileSize = tileSize;
    }

    public string JobId { get; }
    public string Fingerprint { get; }
    public JobConfig Job { get; }
    public SourceModel Model { get; }
    public EventBasedPlan Plan { get; }
    public int TileSize { get; }

    /// <summary>Job site indices (ascending) of each region tile.</summary>
    public IReadOnlyList<int[]> Tiles { get; }

    /// <summary>The rupture batches, ids 0..Count−1.</summary>
    public IReadOnlyList<RuptureBatch> Batches { get; }

    /// <summary>Work items in all: tiles × batches.</summary>
    public int WorkItemCount => Tiles.Count * Batches.Count;
}
