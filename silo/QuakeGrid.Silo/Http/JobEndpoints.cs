using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Contracts.Sites;

namespace QuakeGrid.Silo.Http;

/// <summary>Hazard job endpoints: submit a job, poll its status, read the hazard at the job site nearest a point.</summary>
public static class JobEndpoints
{
    /// <summary>Default largest distance from the query point to the job site, km.</summary>
    public const double DefaultMaxDistanceKm = 10.0;

    /// <summary>Default return periods, years (10 % and 2 % in 50 years).</summary>
    public static readonly double[] DefaultReturnPeriods = [475.0, 2475.0];

    /// <summary>Maps the endpoints under <c>/v1/jobs</c>; <paramref name="jobFilesRoot"/> enables <c>serverPath</c> submissions.</summary>
    public static void Map(IEndpointRouteBuilder app, string? jobFilesRoot)
    {
        var g = app.MapGroup("/v1/jobs").WithTags("Hazard jobs");
        g.MapPost("/", (HttpRequest request, IGrainFactory grains, CancellationToken ct) => Submit(request, grains, jobFilesRoot, ct))
            .WithName("SubmitJob").WithSummary("Submit an OpenQuake classical or event-based job (JSON {jobFile, files}, {serverPath}, or multipart).")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestBody.MaxJobBytes))
            .Produces<HazardJobStatus>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(413);
        g.MapGet("/{id}", Status).WithName("GetJob").WithSummary("Status and progress of a job.")
            .Produces<HazardJobStatus>().ProducesProblem(404);
        g.MapGet("/{id}/sites/hazard", Hazard).WithName("GetSiteHazard")
            .WithSummary("Curves, map values and IMLs at return periods of the job site nearest lon/lat: query lon, lat, returnPeriods?, maxDistanceKm?.")
            .Produces<SiteHazardAnswer>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
    }

    private static Task<IResult> Submit(HttpRequest request, IGrainFactory grains, string? root, CancellationToken ct) => Problems.Guard(async () =>
    {
        var job = await JobRequestReader.ReadAsync(request, root, ct);
        var status = await grains.GetGrain<IHazardJobGrain>(job.JobId).SubmitAsync(job.Bundle, job.Options);
        return Results.Accepted($"/v1/jobs/{job.JobId}", status);
    });

    private static Task<IResult> Status(string id, IGrainFactory grains) => Problems.Guard(async () =>
        Results.Ok(await grains.GetGrain<IHazardJobGrain>(RouteIds.Check(id, "job")).GetStatusAsync()));

    private static Task<IResult> Hazard(string id, HttpRequest request, IGrainFactory grains) => Problems.Guard(async () =>
    {
        RouteIds.Check(id, "job");
        var lon = Query.Required(request, "lon", -180, 180);
        var lat = Query.Required(request, "lat", -90, 90);
        var maxDistance = Query.Optional(request, "maxDistanceKm", 1e-6, 20000) ?? DefaultMaxDistanceKm;
        var periods = Query.PositiveList(request, "returnPeriods", 20) ?? DefaultReturnPeriods;
        var site = grains.GetGrain<ISiteGrain>(SiteKeys.ForJob(id, lon, lat));
        return Results.Ok(await site.GetHazardAsync(maxDistance, periods));
    });
}
