using System.Text.Json;
using QuakeGrid.Http.Tests.Support;

namespace QuakeGrid.Http.Tests.Http;

/// <summary>The silo publishes an OpenAPI document listing every endpoint of the API.</summary>
[Collection(SiloCollection.Name)]
public sealed class OpenApiTests(SiloServer silo)
{
    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        var doc = JsonDocument.Parse(await silo.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        (string Path, string Method)[] expected =
        [
            ("/v1/events/{id}", "put"), ("/v1/events/{id}", "get"), ("/v1/events/{id}/stations", "post"),
            ("/v1/events/{id}/sites/shaking", "get"), ("/v1/jobs", "post"), ("/v1/jobs/{id}", "get"), ("/v1/jobs/{id}/sites/hazard", "get"),
        ];
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} missing from the OpenAPI document");
        }
    }
}
