using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using QuakeGrid.Client.Hosting;
using QuakeGrid.Grains.Hosting;
using StackExchange.Redis;

namespace QuakeGrid.Client;

/// <summary>
/// A connection to a QuakeGrid cluster: either an in-process (embedded) silo, or a client of a real cluster that
/// uses Redis clustering. Disposing it stops the host cleanly (the embedded silo shuts down, or the client leaves).
/// </summary>
public sealed class QuakeGridConnection : IAsyncDisposable
{
    private readonly IHost _host;
    private int _disposed;

    private QuakeGridConnection(IHost host, bool embedded)
    {
        _host = host;
        IsEmbedded = embedded;
        Client = host.Services.GetRequiredService<IClusterClient>();
        Scenarios = new ScenarioJobClient(Client);
        Hazard = new HazardJobClient(Client);
    }

    /// <summary>The Orleans cluster client (grain factory).</summary>
    public IClusterClient Client { get; }

    /// <summary>Scenario shaking jobs.</summary>
    public ScenarioJobClient Scenarios { get; }

    /// <summary>Event-based hazard jobs.</summary>
    public HazardJobClient Hazard { get; }

    /// <summary>True for an in-process silo, false for a client of a remote cluster.</summary>
    public bool IsEmbedded { get; }

    /// <summary>
    /// Starts an in-process silo (localhost clustering on free loopback ports, in-memory grain storage) with the
    /// client in the same host, so several embedded runs on one machine never clash.
    /// </summary>
    public static async Task<QuakeGridConnection> StartEmbeddedAsync(CancellationToken ct = default)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts.Take(2);
            var clusterId = $"quakegrid-embedded-{Environment.ProcessId}-{ports[0]}";
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "QuakeGrid.Embedded" });
            ClientLogging.Configure(builder.Logging);
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort: ports[0], gatewayPort: ports[1], serviceId: "quakegrid", clusterId: clusterId);
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddMemoryGrainStorage(QuakeGridStorage.Name);
                silo.UseBinaryGrainState<MemoryGrainStorageOptions>(QuakeGridStorage.Name);
                silo.UseInMemoryReminderService();
                silo.AddQuakeGridHazardJobs();
            });
            var host = builder.Build();
            try
            {
                await host.StartAsync(ct);
                return new QuakeGridConnection(host, embedded: true);
            }
            catch (Exception e) when (attempt < attempts && IsAddressInUse(e))
            {
                // Another process took one of the ports between choosing and binding it: choose again.
                host.Dispose();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Joins a cluster that uses Redis clustering (<c>Microsoft.Orleans.Clustering.Redis</c>) as a client.
    /// </summary>
    /// <param name="redisConnectionString">StackExchange.Redis configuration, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="clusterId">Orleans cluster id the silos were started with.</param>
    /// <param name="serviceId">Orleans service id the silos were started with.</param>
    /// <param name="ct">Cancels the connection attempt.</param>
    public static async Task<QuakeGridConnection> ConnectAsync(string redisConnectionString, string clusterId = "quakegrid", string serviceId = "quakegrid", CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(redisConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ConfigurationOptions redis;
        try
        {
            redis = ConfigurationOptions.Parse(redisConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{redisConnectionString}' is not a Redis connection string: {e.Message}", nameof(redisConnectionString), e);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "QuakeGrid.Client" });
        ClientLogging.Configure(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            // Silos may still be joining: retry the first connection for a few seconds before giving up.
            var tries = 0;
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (++tries > 10) return false;
                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"could not connect to QuakeGrid cluster '{clusterId}' (service '{serviceId}') through Redis '{redisConnectionString}': {e.Message}", e);
        }
        return new QuakeGridConnection(host, embedded: false);
    }

    /// <summary>Stops the host: the embedded silo shuts down gracefully, or the client closes its gateway connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
        return false;
    }
}
