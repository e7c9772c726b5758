namespace QuakeGrid.Contracts.Hazard;

/// <summary>Life cycle of a hazard job.</summary>
[GenerateSerializer, Alias("QuakeGrid.HazardJobState")]
public enum HazardJobState
{
    /// <summary>Accepted and persisted; work not dispatched yet (or waiting to resume after its coordinator moved).</summary>
    Queued = 0,
    /// <summary>Work items (tile × rupture batch) are being computed.</summary>
    Running = 1,
    /// <summary>Every work item is applied; curves can be fetched.</summary>
    Completed = 2,
    /// <summary>The job stopped with an error (see <see cref="HazardJobStatus.Error"/>).</summary>
    Failed = 3,
}
