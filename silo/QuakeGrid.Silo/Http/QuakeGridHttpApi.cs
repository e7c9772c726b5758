using System.Text.Json.Serialization;

namespace QuakeGrid.Silo.Http;

/// <summary>
/// The silo's HTTP API (ASP.NET Core minimal APIs): events, stations and conditioned shaking
/// (<see cref="EventEndpoints"/>), hazard jobs and per-site hazard (<see cref="JobEndpoints"/>), errors as RFC 7807
/// problem details (<see cref="Problems"/>), and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class QuakeGridHttpApi
{
    /// <summary>Registers OpenAPI, problem details and the JSON options of the API.</summary>
    public static IServiceCollection AddQuakeGridHttpApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        return services;
    }

    /// <summary>Maps the endpoints and the OpenAPI document; <paramref name="jobFilesRoot"/> enables server-side job files.</summary>
    public static WebApplication MapQuakeGridHttpApi(this WebApplication app, string? jobFilesRoot)
    {
        app.MapOpenApi();
        EventEndpoints.Map(app);
        JobEndpoints.Map(app, jobFilesRoot);
        return app;
    }
}
