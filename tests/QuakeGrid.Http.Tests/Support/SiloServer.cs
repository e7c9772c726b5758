using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuakeGrid.Client.Hosting;
using QuakeGrid.Grains.Hosting;
using QuakeGrid.Silo.Http;

namespace QuakeGrid.Http.Tests.Support;

/// <summary>
/// A silo host in this process, as <c>silo/QuakeGrid.Silo/Program.cs</c> builds it but with localhost clustering on free
/// loopback ports and memory grain storage (as <c>QuakeGridConnection.StartEmbeddedAsync</c>), serving the HTTP API with
/// Kestrel on a free loopback port. Tests talk to it over real HTTP.
/// </summary>
public sealed class SiloServer : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "QuakeGrid.Http.Tests" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddQuakeGridHttpApi();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: ports[0], gatewayPort: ports[1], serviceId: "quakegrid", clusterId: $"http-tests-{Environment.ProcessId}-{ports[0]}");
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage(QuakeGridStorage.Name);
            silo.UseInMemoryReminderService();
            silo.AddQuakeGridHazardJobs();
        });
        _app = builder.Build();
        _app.MapQuakeGridHttpApi(jobFilesRoot: null);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloServer>
{
    public const string Name = "silo";
}
