using QuakeGrid.Contracts.Hazard;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Persisted state of a hazard job coordinator: the submission (bundle, options, fingerprint), its life-cycle state and
/// error, and the job's size (sites, tiles, batches, events — ruptures for a classical job) so status answers before the plan is rebuilt. Which work
/// items are done is not stored here: the region grains' persisted batch sets are the truth, and a reactivated
/// coordinator rebuilds its progress from them.
/// </summary>
[GenerateSerializer, Alias("QuakeGrid.HazardJobGrainState")]
public sealed class HazardJobGrainState
{
    [Id(0)] public JobBundle? Bundle { get; set; }
    [Id(1)] public HazardJobOptions? Options { get; set; }
    [Id(2)] public string? Fingerprint { get; set; }
    [Id(3)] public HazardJobState State { get; set; }
    [Id(4)] public string? Error { get; set; }
    [Id(5)] public DateTime SubmittedUtc { get; set; }
    [Id(6)] public DateTime? CompletedUtc { get; set; }
    [Id(7)] public int Sites { get; set; }
    [Id(8)] public int Tiles { get; set; }
    [Id(9)] public int Batches { get; set; }
    [Id(10)] public long Events { get; set; }
    /// <summary>True for a classical job (then <see cref="Events"/> counts ruptures).</summary>
    [Id(11)] public bool Classical { get; set; }
}
