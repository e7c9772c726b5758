using QuakeGrid.Contracts.Events;

namespace QuakeGrid.Grains.Events;

/// <summary>Persisted state of an event grain: the definition, revision, station index entries and between-event posteriors.</summary>
[GenerateSerializer, Alias("QuakeGrid.EventState")]
public sealed class EventState
{
    [Id(0)] public EventDefinition? Definition { get; set; }
    [Id(1)] public int Revision { get; set; }
    [Id(2)] public List<IndexedStation> Stations { get; set; } = new();
    [Id(3)] public BetweenEventPosterior[] Posteriors { get; set; } = [];
}

/// <summary>A station in the event's spatial index: id, position (degrees) and the IMTs it observed (OpenQuake spelling).</summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.IndexedStation")]
public sealed record IndexedStation(
    [property: Id(0)] string Id,
    [property: Id(1)] double Lon,
    [property: Id(2)] double Lat,
    [property: Id(3)] string[] Imts);
