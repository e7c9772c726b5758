using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>
/// A cluster run by <c>deploy/local-cluster.sh</c> (the script users run), in a private run folder with its own cluster id
/// and port range, so it never meets another cluster on the machine. Redis: the external one of
/// <c>QUAKEGRID_TEST_REDIS</c> (left running), or one the script starts on a free port (stopped with the cluster).
/// Silos get fast failure detection, so a SIGKILLed silo is declared dead in seconds.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    private readonly Dictionary<string, string> _env;

    private LocalCluster(string runDir, int siloPortBase, string clusterId, Dictionary<string, string> env)
    {
        RunDir = runDir;
        SiloPortBase = siloPortBase;
        ClusterId = clusterId;
        _env = env;
    }

    public string RunDir { get; }
    public int SiloPortBase { get; }
    public string ClusterId { get; }

    /// <summary>The Redis connection string the script printed (last stdout line).</summary>
    public string Redis { get; private set; } = "";

    public static string Script => Path.Combine(RepoRoot, "deploy", "local-cluster.sh");

    private static string RepoRoot =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SiloProcess.SiloDll)!, "..", "..", "..", "..", ".."));

    /// <summary>Runs <c>local-cluster.sh start <paramref name="silos"/></c> and returns once every silo is healthy.</summary>
    public static async Task<LocalCluster> StartAsync(int silos, string clusterId)
    {
        var bases = PortBases(silos);
        var runDir = Path.Combine(Path.GetTempPath(), "quakegrid-lc-" + Guid.NewGuid().ToString("N")[..12]);
        var env = new Dictionary<string, string>
        {
            ["QUAKEGRID_RUN_DIR"] = runDir,
            ["QUAKEGRID_CLUSTER_ID"] = clusterId,
            ["QUAKEGRID_SILO_DLL"] = SiloProcess.SiloDll,
            ["QUAKEGRID_SILO_PORT_BASE"] = bases[0].ToString(),
            ["QUAKEGRID_GATEWAY_PORT_BASE"] = bases[1].ToString(),
            ["QUAKEGRID_HTTP_PORT_BASE"] = bases[2].ToString(),
            ["QUAKEGRID_REDIS_PORT"] = FreePort.Take(1)[0].ToString(),
            ["QuakeGrid__ProbeTimeoutSeconds"] = "1",
            ["QuakeGrid__MissedProbesLimit"] = "2",
            ["QuakeGrid__VotesForDeathDeclaration"] = "1",
            ["DOTNET_gcServer"] = "0",
        };
        if (RedisAvailability.ExternalRedis is { } external) env["QUAKEGRID_REDIS"] = external;
        var cluster = new LocalCluster(runDir, bases[0], clusterId, env);
        await cluster.StartSilosAsync(silos);
        return cluster;
    }

    /// <summary><c>local-cluster.sh start N</c> again (after <see cref="StopSilosAsync"/>: same Redis, same grain state).</summary>
    public async Task StartSilosAsync(int silos)
    {
        var output = await RunScriptAsync("start", silos.ToString());
        Redis = output.TrimEnd().Split('\n')[^1].Trim();
    }

    /// <summary><c>local-cluster.sh stop-silos</c>: SIGTERM to every silo, Redis kept.</summary>
    public Task StopSilosAsync() => RunScriptAsync("stop-silos");

    /// <summary>PID of silo <paramref name="index"/> (1-based) from its pid file.</summary>
    public int SiloPid(int index) => int.Parse(File.ReadAllText(Path.Combine(RunDir, $"silo-{index}.pid")).Trim());

    /// <summary>The 1-based index of the silo listening on <paramref name="siloPort"/>.</summary>
    public int SiloIndexOfPort(int siloPort) => siloPort - SiloPortBase;

    /// <summary>The last lines of silo <paramref name="index"/>'s log.</summary>
    public string SiloLog(int index)
    {
        var path = Path.Combine(RunDir, $"silo-{index}.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(40)) : "(no log)";
    }

    public void Dispose()
    {
        try { RunScriptAsync("stop").GetAwaiter().GetResult(); }
        catch (InvalidOperationException) { /* best effort: the test's own failure matters more */ }
        try { Directory.Delete(RunDir, recursive: true); }
        catch (IOException) { }
    }

    private async Task<string> RunScriptAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in _env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"local-cluster.sh {string.Join(' ', args)} exited with {p.ExitCode}:\n{await stderr}\n{await stdout}");
        return await stdout;
    }

    /// <summary>Three port bases (silo, gateway, http) such that base+1..base+n are free on loopback.</summary>
    private static int[] PortBases(int n)
    {
        var rng = new Random();
        var bases = new int[3];
        var used = new HashSet<int>();
        for (var b = 0; b < 3; b++)
        {
            for (var attempt = 0; ; attempt++)
            {
                var candidate = rng.Next(20000, 60000 - n);
                if (Enumerable.Range(candidate + 1, n).All(p => !used.Contains(p) && IsFree(p)))
                {
                    bases[b] = candidate;
                    for (var i = 1; i <= n; i++) used.Add(candidate + i);
                    break;
                }
                if (attempt > 100) throw new InvalidOperationException("no free loopback port range found");
            }
        }
        return bases;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            l.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
