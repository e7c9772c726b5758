using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Persistence;
using QuakeGrid.Grains.Hosting;
using QuakeGrid.Silo;
using QuakeGrid.Silo.Http;
using StackExchange.Redis;

// A QuakeGrid silo: Redis clustering and Redis grain storage (default and "quakegrid"), endpoints and ids from
// the "QuakeGrid" configuration section. SIGTERM/Ctrl+C stop it gracefully (the generic host leaves the cluster).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = builder.Configuration.GetSection("QuakeGrid").Get<SiloSettings>() ?? new SiloSettings();
var redis = ConfigurationOptions.Parse(settings.Redis);
var advertised = settings.KubernetesHosting ? IPAddress.Any : ResolveAdvertisedIp(settings.AdvertisedIp);

builder.WebHost.UseUrls($"http://{(settings.ListenOnAnyAddress ? "0.0.0.0" : advertised.ToString())}:{settings.HttpPort}");
builder.Services.AddQuakeGridHttpApi();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
builder.UseOrleans(silo =>
{
    silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
    if (settings.KubernetesHosting)
    {
        // Pod name, pod IP, cluster and service ids from the pod; ports from QuakeGrid:SiloPort/GatewayPort.
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
        });
        silo.UseKubernetesHosting();
    }
    else
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAnyAddress);
    }
    silo.Configure<ClusterMembershipOptions>(o =>
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(settings.ProbeTimeoutSeconds);
        o.NumMissedProbesLimit = settings.MissedProbesLimit;
        o.NumVotesForDeathDeclaration = settings.VotesForDeathDeclaration;
    });
    silo.AddRedisGrainStorageAsDefault(o => o.ConfigurationOptions = redis.Clone());
    silo.AddRedisGrainStorage(QuakeGridStorage.Name, o => o.ConfigurationOptions = redis.Clone());
    silo.UseBinaryGrainState<RedisStorageOptions>(QuakeGridStorage.Name);
    silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
    silo.AddQuakeGridHazardJobs();
});

var app = builder.Build();
app.MapGet("/health", SiloHealth.Get);
app.MapQuakeGridHttpApi(settings.JobFilesRoot);
app.Run();

static IPAddress ResolveAdvertisedIp(string text)
{
    if (!string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        return IPAddress.TryParse(text, out var ip) ? ip : throw new ArgumentException($"QuakeGrid:AdvertisedIp '{text}' is neither an IP address nor 'auto'");
    return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("QuakeGrid:AdvertisedIp is 'auto' but the host has no non-loopback IPv4 address");
}
