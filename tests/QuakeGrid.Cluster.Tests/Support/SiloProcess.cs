using System.Reflection;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>One QuakeGrid silo as a separate process (<c>dotnet QuakeGrid.Silo.dll</c>) on loopback ports of its own.</summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private SiloProcess(ChildProcess process, int siloPort, int gatewayPort, int httpPort)
    {
        Process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
    }

    public ChildProcess Process { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public int HttpPort { get; }

    /// <summary>The silo build output, recorded at build time by the project file (the silo project is built with the tests).</summary>
    public static string SiloDll
    {
        get
        {
            var path = typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "QuakeGridSiloDll").Value!;
            return File.Exists(path) ? path : throw new FileNotFoundException($"silo build output not found at {path}; build silo/QuakeGrid.Silo in the same configuration", path);
        }
    }

    /// <summary>Starts a silo of <paramref name="clusterId"/> on free ports; fast failure detection so a killed silo is declared dead in seconds.</summary>
    public static SiloProcess Start(string name, string redis, string clusterId)
    {
        var ports = FreePort.Take(3);
        var env = new Dictionary<string, string>
        {
            ["QuakeGrid__Redis"] = redis,
            ["QuakeGrid__ClusterId"] = clusterId,
            ["QuakeGrid__ServiceId"] = clusterId,
            ["QuakeGrid__SiloPort"] = ports[0].ToString(),
            ["QuakeGrid__GatewayPort"] = ports[1].ToString(),
            ["QuakeGrid__HttpPort"] = ports[2].ToString(),
            ["QuakeGrid__AdvertisedIp"] = "127.0.0.1",
            ["QuakeGrid__ProbeTimeoutSeconds"] = "1",
            ["QuakeGrid__MissedProbesLimit"] = "2",
            ["QuakeGrid__VotesForDeathDeclaration"] = "1",
            ["DOTNET_gcServer"] = "0",
        };
        var process = new ChildProcess(name, "dotnet", [SiloDll], env);
        return new SiloProcess(process, ports[0], ports[1], ports[2]);
    }

    /// <summary>Waits for <c>/health</c> to answer 200 (the silo is an active member).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited) throw new InvalidOperationException($"{Process.Name} exited with code {Process.ExitCode}:\n{Process.Log}");
            try
            {
                using var r = await Http.GetAsync($"http://127.0.0.1:{HttpPort}/health");
                if (r.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Process.Name} was not healthy within {timeout}:\n{Process.Log}");
    }

    public void Dispose() => Process.Dispose();
}
