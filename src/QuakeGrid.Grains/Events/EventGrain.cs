using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Hosting;

namespace QuakeGrid.Grains.Events;

/// <summary>
/// One earthquake: holds its definition, the spatial index of its stations and the between-event posteriors
/// (persisted), and writes each station's data to its <see cref="IStationGrain"/>. Ingestion validates the whole batch
/// and computes the new posteriors before anything is stored; readers see the previous snapshot until the new one is
/// complete (the in-memory snapshot is replaced in one assignment).
/// </summary>
public sealed class EventGrain(
    [PersistentState("event", QuakeGridStorage.Name)] IPersistentState<EventState> state) : Grain, IEventGrain
{
    private Snapshot? _snapshot;

    private string EventId => this.GetPrimaryKeyString();
    private string Source => $"event {EventId}";

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.Definition is { } d)
            _snapshot = new Snapshot(EventModel.Create(d, Source), state.State.Revision, new EventSpatialIndex(state.State.Stations), state.State.Posteriors, state.State.Stations.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<EventSummary> DefineAsync(EventDefinition definition)
    {
        CheckId();
        var model = EventModel.Create(definition, Source);
        if (_snapshot is { } s)
        {
            if (SameDefinition(s.Model.Definition, definition)) return Summary(s);
            if (s.StationCount > 0)
                throw new QuakeGridInputException(Source, "event", "definition", $"the event already has {s.StationCount} stations; a different definition is only accepted before stations are ingested");
        }
        state.State.Definition = definition;
        state.State.Revision++;
        state.State.Stations = new();
        state.State.Posteriors = [];
        await state.WriteStateAsync();
        _snapshot = new Snapshot(model, state.State.Revision, new EventSpatialIndex([]), [], 0);
        return Summary(_snapshot);
    }

    /// <inheritdoc />
    public async Task<EventSummary> IngestStationsAsync(string source, StationRecord[] stations)
    {
        var s = Require();
        var label = string.IsNullOrWhiteSpace(source) ? Source + " stations" : source;
        var existingIds = state.State.Stations.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var fresh = StationIngestion.Prepare(label, stations, s.Model, existingIds);
        var stored = await Task.WhenAll(state.State.Stations.Select(x => Station(x.Id).GetAsync()));
        for (var i = 0; i < stored.Length; i++)
            if (stored[i] is null) throw new InvalidOperationException($"{Source}: station grain {state.State.Stations[i].Id} lost its data");
        var all = stored.Select(x => x!).Concat(fresh).ToArray();
        var posteriors = BetweenEventTerms.Compute(s.Model, all, label);

        await Task.WhenAll(fresh.Select(d => Station(d.Id).StoreAsync(d)));
        var index = state.State.Stations.Concat(fresh.Select(d => new IndexedStation(d.Id, d.Point.Lon, d.Point.Lat, d.Imts))).ToList();
        state.State.Stations = index;
        state.State.Posteriors = posteriors;
        state.State.Revision++;
        await state.WriteStateAsync();
        _snapshot = new Snapshot(s.Model, state.State.Revision, new EventSpatialIndex(index), posteriors, index.Count);
        return Summary(_snapshot);
    }

    /// <inheritdoc />
    public Task<EventSummary> GetSummaryAsync() => Task.FromResult(Summary(Require()));

    /// <inheritdoc />
    public Task<int> GetRevisionAsync() => Task.FromResult(_snapshot?.Revision ?? 0);

    /// <inheritdoc />
    public Task<NeighbourSet> GetNeighboursAsync(string imt, double lon, double lat, int k)
    {
        var s = Require();
        var canonical = s.Model.ImtOf(imt, Source).ToString();
        if (!double.IsFinite(lon) || lon < -180 || lon > 180) throw new QuakeGridInputException(Source, null, "lon", $"longitude {lon} is not a finite value in [-180, 180]");
        if (!double.IsFinite(lat) || lat < -90 || lat > 90) throw new QuakeGridInputException(Source, null, "lat", $"latitude {lat} is not a finite value in [-90, 90]");
        if (k < 1 || k > EventLimits.MaxNeighbours) throw new QuakeGridInputException(Source, null, "neighbours", $"{k} must be between 1 and {EventLimits.MaxNeighbours}");
        var posterior = s.Posteriors.FirstOrDefault(p => p.Imt == canonical)
            ?? throw new QuakeGridInputException(Source, null, "imt", $"no station of the event observed {canonical} (conditioning needs observations of the queried IMT)");
        return Task.FromResult(new NeighbourSet(s.Revision, s.Index.Nearest(canonical, lon, lat, k), posterior, s.Model.Definition));
    }

    private IStationGrain Station(string id) => GrainFactory.GetGrain<IStationGrain>(StationKeys.For(EventId, id));

    private Snapshot Require() => _snapshot ?? throw new QuakeGridInputException("event", EventId, null, "unknown event");

    private void CheckId()
    {
        var id = EventId;
        if (id.Length > EventLimits.MaxIdLength || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new QuakeGridInputException("event", id, "id", $"event ids are 1 to {EventLimits.MaxIdLength} characters of A-Z, a-z, 0-9, '-', '_' and '.'");
    }

    private EventSummary Summary(Snapshot s) => new(EventId, s.Model.Definition, s.Revision, s.StationCount, s.Posteriors);

    private static bool SameDefinition(EventDefinition a, EventDefinition b) =>
        a.Rupture.Magnitude.Equals(b.Rupture.Magnitude) && a.Rupture.Rake.Equals(b.Rupture.Rake) && a.Rupture.Hypocenter == b.Rupture.Hypocenter
        && a.Rupture.Planes.SequenceEqual(b.Rupture.Planes) && a.Gmm == b.Gmm && a.Imts.SequenceEqual(b.Imts)
        && a.Correlation == b.Correlation && a.DefaultVs30.Equals(b.DefaultVs30) && a.Neighbours == b.Neighbours;

    private sealed record Snapshot(EventModel Model, int Revision, EventSpatialIndex Index, BetweenEventPosterior[] Posteriors, int StationCount);
}
