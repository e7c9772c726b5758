using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Sites;

namespace QuakeGrid.Silo.Http;

/// <summary>
/// Event endpoints: define an event, ingest station observations, read its state, and query the conditioned shaking at a
/// point (computed by a site grain from the k nearest stations).
/// </summary>
public static class EventEndpoints
{
    /// <summary>Maps the endpoints under <c>/v1/events</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1/events").WithTags("Events");
        g.MapPut("/{id}", Define).WithName("DefineEvent")
            .WithSummary("Define an event: rupture (JSON or NRML), GMM, IMTs, correlation model.")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestBody.MaxEventBytes))
            .Produces<EventSummary>().ProducesProblem(400).ProducesProblem(413);
        g.MapGet("/{id}", Get).WithName("GetEvent").WithSummary("The event's definition, station count and between-event posteriors.")
            .Produces<EventSummary>().ProducesProblem(404);
        g.MapPost("/{id}/stations", Ingest).WithName("IngestStations")
            .WithSummary("Ingest station observations (QuakeGrid JSON or a ShakeMap stationlist.json).")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestBody.MaxStationBytes))
            .Produces<IngestResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(413);
        g.MapGet("/{id}/sites/shaking", Shaking).WithName("GetShaking")
            .WithSummary("Conditioned ln mean and std (and g) at lon/lat: query lon, lat, imt?, vs30?, neighbours?.")
            .Produces<ShakingResponse>().ProducesProblem(400).ProducesProblem(404);
    }

    /// <summary>Body of the ingestion response: the event after ingestion, the stations added, what was left out.</summary>
    public sealed record IngestResponse(EventSummary Event, string Format, int Added, SkippedRecord[] Skipped);

    private static Task<IResult> Define(string id, HttpRequest request, IGrainFactory grains, CancellationToken ct) => Problems.Guard(async () =>
    {
        RouteIds.Check(id, "event");
        var source = $"PUT /v1/events/{id}";
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxEventBytes, ct);
        using var doc = RequestBody.ParseJson(body, source);
        var definition = EventRequestReader.Read(doc.RootElement, source);
        return Results.Ok(await grains.GetGrain<IEventGrain>(id).DefineAsync(definition));
    });

    private static Task<IResult> Get(string id, IGrainFactory grains) => Problems.Guard(async () =>
        Results.Ok(await grains.GetGrain<IEventGrain>(RouteIds.Check(id, "event")).GetSummaryAsync()));

    private static Task<IResult> Ingest(string id, HttpRequest request, IGrainFactory grains, CancellationToken ct) => Problems.Guard(async () =>
    {
        RouteIds.Check(id, "event");
        var source = $"POST /v1/events/{id}/stations";
        var ev = grains.GetGrain<IEventGrain>(id);
        var summary = await ev.GetSummaryAsync();
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxStationBytes, ct);
        using var doc = RequestBody.ParseJson(body, source);
        var upload = StationRequestReader.Read(body, doc.RootElement, source, summary.Definition.Imts.Select(Canonical).ToArray());
        var after = await ev.IngestStationsAsync(source, upload.Stations);
        return Results.Ok(new IngestResponse(after, upload.Format, upload.Stations.Length, upload.Skipped));
    });

    private static Task<IResult> Shaking(string id, HttpRequest request, IGrainFactory grains) => Problems.Guard(async () =>
    {
        RouteIds.Check(id, "event");
        var lon = Query.Required(request, "lon", -180, 180);
        var lat = Query.Required(request, "lat", -90, 90);
        var vs30 = Query.Optional(request, "vs30", 1e-9, 1e5) ?? double.NaN;
        var k = Query.Optional(request, "neighbours", 1, EventLimits.MaxNeighbours);
        if (k is { } kk && kk != Math.Floor(kk)) throw new QuakeGrid.Core.Validation.QuakeGridInputException("query", null, "neighbours", $"{kk} is not a whole number");
        var imt = Query.Text(request, "imt");
        if (imt is null)
        {
            var revision = await grains.GetGrain<IEventGrain>(id).GetRevisionAsync();
            if (revision == 0) throw new QuakeGrid.Core.Validation.QuakeGridInputException("event", id, null, "unknown event");
            imt = (await grains.GetGrain<IEventGrain>(id).GetSummaryAsync()).Definition.Imts[0];
        }
        var site = grains.GetGrain<ISiteGrain>(SiteKeys.ForEvent(id, lon, lat));
        var answer = await site.GetShakingAsync(imt, vs30, (int)(k ?? 0));
        return Results.Ok(ShakingResponse.From(answer, lon, lat));
    });

    private static string Canonical(string imt) => QuakeGrid.Core.Imts.Imt.TryParse(imt, out var i) ? i.ToString() : imt;
}
