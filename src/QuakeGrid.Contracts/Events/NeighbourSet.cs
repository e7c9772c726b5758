namespace QuakeGrid.Contracts.Events;

/// <summary>
/// The stations that krige a query point for one IMT: the ids of the k nearest stations that observed it (nearest
/// first, great-circle order), with the event's between-event posterior for the IMT and the event revision they belong to.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.NeighbourSet")]
public sealed record NeighbourSet(
    [property: Id(0)] int Revision,
    [property: Id(1)] string[] StationIds,
    [property: Id(2)] BetweenEventPosterior Posterior,
    [property: Id(3)] EventDefinition Definition);
