namespace QuakeGrid.Contracts.Events;

/// <summary>
/// State of an event: its definition, <see cref="Revision"/> (incremented by every accepted change, so cached answers
/// can be checked), the number of stations and the between-event posterior of every IMT some station observed.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.EventSummary")]
public sealed record EventSummary(
    [property: Id(0)] string EventId,
    [property: Id(1)] EventDefinition Definition,
    [property: Id(2)] int Revision,
    [property: Id(3)] int StationCount,
    [property: Id(4)] BetweenEventPosterior[] Posteriors);
