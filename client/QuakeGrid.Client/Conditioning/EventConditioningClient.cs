using System.Globalization;
using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Events;

namespace QuakeGrid.Client.Conditioning;

/// <summary>
/// Conditions an event's ground motion on station records through the grains behind the HTTP event API
/// (<c>PUT /v1/events/{id}</c>, <c>POST .../stations</c>, <c>GET .../sites/shaking</c>): the event grain is defined and
/// ingests the stations (between-event posterior, Engler et al. 2022 eqs. B8–B9), then the targets are kriged on their k
/// nearest stations (<c>SiteKriging</c>) in batched queries of at most <see cref="SitesPerQuery"/> points to the event's
/// <see cref="IEventShakingGrain"/> (the answer of each point's <see cref="ISiteGrain"/>, with each station's residual
/// fetched once per query), with at most <see cref="MaxConcurrentQueries"/> queries in flight.
/// <para>
/// Everything is validated here first, with the checks the grains apply (<see cref="EventModel.Create"/>,
/// <see cref="StationIngestion.Prepare"/>, the target points): a bad definition, station or target throws a
/// <see cref="QuakeGridInputException"/> before any grain is called, so no event is left defined without its stations.
/// </para>
/// <para>
/// The answer at target j equals Core's <c>ScalableConditioner</c> with <c>NeighbourCount = k</c> and
/// <c>CellSizeKm = 0</c> (each target on its own k nearest stations; <c>ExactConditioner</c> when k covers every station
/// that observed the IMT), evaluated in the event projection (<c>LocalProjection</c> centred on the hypocentre) at the
/// point rounded to <see cref="SiteKeys.Decimals"/> decimals of a degree (the site grain key) with the GMM's default
/// z1.0 for the target Vs30.
/// </para>
/// </summary>
public sealed class EventConditioningClient
{
    /// <summary>Default number of batched queries in flight.</summary>
    public const int DefaultMaxConcurrentQueries = 8;

    /// <summary>Points per batched query (at most <see cref="SiteShakingQuery.MaxSites"/>).</summary>
    public const int SitesPerQuery = 500;

    private readonly IGrainFactory _grains;

    /// <summary>A client that reaches grains through <paramref name="grains"/> (an <see cref="IClusterClient"/>).</summary>
    public EventConditioningClient(IGrainFactory grains, int maxConcurrentQueries = DefaultMaxConcurrentQueries)
    {
        _grains = grains ?? throw new ArgumentNullException(nameof(grains));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentQueries, 1);
        MaxConcurrentQueries = maxConcurrentQueries;
    }

    /// <summary>Most batched queries in flight at once.</summary>
    public int MaxConcurrentQueries { get; }

    /// <summary>A fresh event id: <c>condition-</c> and 32 hex digits.</summary>
    public static string NewEventId() => "condition-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Defines event <paramref name="eventId"/> (a fresh id when null), ingests the stations and queries every target.
    /// </summary>
    /// <param name="request">The event, its stations and the targets.</param>
    /// <param name="eventId">Event grain id; it must not hold other stations already.</param>
    /// <param name="progress">Receives the number of targets answered so far.</param>
    /// <param name="ct">Stops issuing target queries.</param>
    public async Task<EventConditioningResult> RunAsync(EventConditioningRequest request, string? eventId = null,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = eventId ?? NewEventId();
        Validate(request, id);

        var ev = _grains.GetGrain<IEventGrain>(id);
        await ev.DefineAsync(request.Definition).ConfigureAwait(false);
        var summary = await ev.IngestStationsAsync(request.StationSource, request.Stations).ConfigureAwait(false);

        var n = request.Lon.Length;
        var answers = new SiteShaking[n];
        var done = 0;
        var batches = Enumerable.Range(0, (n + SitesPerQuery - 1) / SitesPerQuery);
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentQueries, CancellationToken = ct };
        var shaking = _grains.GetGrain<IEventShakingGrain>(id);
        await Parallel.ForEachAsync(batches, options, async (b, _) =>
        {
            var start = b * SitesPerQuery;
            var count = Math.Min(SitesPerQuery, n - start);
            var query = new SiteShakingQuery(request.Imt, request.Lon[start..(start + count)], request.Lat[start..(start + count)],
                request.Vs30[start..(start + count)], request.Neighbours);
            var batch = await shaking.GetShakingAsync(query).ConfigureAwait(false);
            if (batch.Length != count) throw new InvalidOperationException($"event {id}: {batch.Length} answers to a query of {count} points");
            batch.CopyTo(answers, start);
            progress?.Report(Interlocked.Add(ref done, count));
        }).ConfigureAwait(false);
        return new EventConditioningResult(id, summary, answers);
    }

    /// <summary>
    /// The grains' checks on <paramref name="r"/> for event <paramref name="id"/> (definition, stations, IMT, k, targets),
    /// without calling a grain; <see cref="RunAsync"/> applies them first.
    /// </summary>
    /// <exception cref="QuakeGridInputException">Naming the source, record and field of the first problem.</exception>
    public static void Validate(EventConditioningRequest r, string id)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(id);
        var source = $"event {id}";
        if (id.Length is 0 or > EventLimits.MaxIdLength || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new QuakeGridInputException("event", id, "id", $"event ids are 1 to {EventLimits.MaxIdLength} characters of A-Z, a-z, 0-9, '-', '_' and '.'");
        var model = EventModel.Create(r.Definition, source);
        model.ImtOf(r.Imt, source);
        StationIngestion.Prepare(r.StationSource, r.Stations, model, new HashSet<string>(StringComparer.Ordinal));
        if (r.Neighbours < 0 || r.Neighbours > EventLimits.MaxNeighbours)
            throw new QuakeGridInputException(source, null, "neighbours", $"{r.Neighbours} must be between 1 and {EventLimits.MaxNeighbours} (0: the event's default)");
        var n = r.Lon.Length;
        if (r.Lat.Length != n || r.Vs30.Length != n)
            throw new ArgumentException($"{n} longitudes, {r.Lat.Length} latitudes and {r.Vs30.Length} Vs30 values: one of each per target");
        for (var j = 0; j < n; j++)
        {
            var rec = "target " + j.ToString(CultureInfo.InvariantCulture);
            if (!double.IsFinite(r.Lon[j]) || r.Lon[j] < -180 || r.Lon[j] > 180) throw new QuakeGridInputException(source, rec, "lon", $"longitude {r.Lon[j]} is not a finite value in [-180, 180]");
            if (!double.IsFinite(r.Lat[j]) || r.Lat[j] < -90 || r.Lat[j] > 90) throw new QuakeGridInputException(source, rec, "lat", $"latitude {r.Lat[j]} is not a finite value in [-90, 90]");
            if (!double.IsFinite(r.Vs30[j]) || r.Vs30[j] <= 0) throw new QuakeGridInputException(source, rec, "vs30", $"Vs30 {r.Vs30[j]} must be a finite value > 0 m/s");
        }
    }
}
