using Orleans.Concurrency;

namespace QuakeGrid.Contracts.Events;

/// <summary>
/// One earthquake (key = event id): its definition, the spatial index of its stations and the between-event posterior
/// of every observed IMT, recomputed whenever stations are ingested. Station observations live in
/// <see cref="Stations.IStationGrain"/>s; per-point answers come from <see cref="Sites.ISiteGrain"/>s.
/// </summary>
[Alias("QuakeGrid.IEventGrain")]
public interface IEventGrain : IGrainWithStringKey
{
    /// <summary>
    /// Defines the event (a <c>QuakeGridInputException</c> naming the field when invalid). Idempotent for the same
    /// definition; a different definition is accepted only while the event has no stations.
    /// </summary>
    [Alias("Define")]
    Task<EventSummary> DefineAsync(EventDefinition definition);

    /// <summary>
    /// Validates and adds stations (duplicate id, missing, zero, negative or non-finite value, ln sigma or Vs30, an IMT
    /// the model cannot evaluate: a <c>QuakeGridInputException</c> naming <paramref name="source"/>, the record and field;
    /// nothing is stored then), and recomputes the between-event posteriors.
    /// </summary>
    [Alias("IngestStations")]
    Task<EventSummary> IngestStationsAsync(string source, StationRecord[] stations);

    /// <summary>The event's state. Unknown event: <c>QuakeGridInputException</c> (record "event", "unknown event").</summary>
    [Alias("GetSummary"), AlwaysInterleave]
    Task<EventSummary> GetSummaryAsync();

    /// <summary>The current revision (0 for an undefined event).</summary>
    [Alias("GetRevision"), AlwaysInterleave]
    Task<int> GetRevisionAsync();

    /// <summary>
    /// The <paramref name="k"/> stations nearest (<paramref name="lon"/>, <paramref name="lat"/>) among those that observed
    /// <paramref name="imt"/>, and the IMT's between-event posterior.
    /// </summary>
    [Alias("GetNeighbours"), AlwaysInterleave]
    Task<NeighbourSet> GetNeighboursAsync(string imt, double lon, double lat, int k);
}
