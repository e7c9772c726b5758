namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// Progress of a hazard job. A work item is one rupture batch on one region tile; <see cref="BatchesDone"/> counts the
/// rupture batches applied on every tile, and <see cref="EventsDone"/> their events (of <see cref="EventsTotal"/> in the
/// stochastic event set); <see cref="WorkItemsDone"/> of <see cref="WorkItemsTotal"/> is the finer measure.
/// <see cref="SiteEventsDone"/>: site-events evaluated so far (events × sites within the maximum distance).
/// <see cref="CallSeconds"/>: summed wall time of the work-item calls as the coordinator saw them, and
/// <see cref="ComputeSeconds"/> the part the regions spent simulating (both since the coordinator's last activation).
/// For a <see cref="Classical"/> job, the "events" are ruptures (each evaluated once, not simulated): EventsDone and
/// EventsTotal count ruptures, and SiteEventsDone site-ruptures within the maximum distance.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardJobStatus")]
public sealed record HazardJobStatus(
    [property: Id(0)] string JobId,
    [property: Id(1)] HazardJobState State,
    [property: Id(2)] int BatchesDone,
    [property: Id(3)] int BatchesTotal,
    [property: Id(4)] long EventsDone,
    [property: Id(5)] long EventsTotal,
    [property: Id(6)] int Sites,
    [property: Id(7)] string? Error,
    [property: Id(8)] int Tiles = 0,
    [property: Id(9)] int WorkItemsDone = 0,
    [property: Id(10)] int WorkItemsTotal = 0,
    [property: Id(11)] long SiteEventsDone = 0,
    [property: Id(12)] double CallSeconds = 0,
    [property: Id(13)] double ComputeSeconds = 0,
    [property: Id(14)] bool Classical = false);
