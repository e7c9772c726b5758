using System.Net.Sockets;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>
/// The Redis the test uses: the external one named by <c>QUAKEGRID_TEST_REDIS</c>, or a private
/// <c>redis-server</c> on a free loopback port without persistence, stopped on dispose.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly ChildProcess? _process;

    private RedisServer(string connection, ChildProcess? process)
    {
        Connection = connection;
        _process = process;
    }

    /// <summary>host:port for StackExchange.Redis.</summary>
    public string Connection { get; }

    /// <summary>True when this test started the server.</summary>
    public bool Owned => _process is not null;

    public static async Task<RedisServer> StartAsync()
    {
        if (RedisAvailability.ExternalRedis is { } external) return new RedisServer(external, null);
        var exe = RedisAvailability.RedisServerOnPath() ?? throw new InvalidOperationException(RedisAvailability.CiFailure);
        var port = FreePort.Take(1)[0];
        var process = new ChildProcess("redis-server", exe,
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return new RedisServer($"127.0.0.1:{port}", process);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        var log = process.Log;
        process.Dispose();
        throw new InvalidOperationException($"redis-server did not start on port {port}:\n{log}");
    }

    public void Dispose() => _process?.Dispose();
}
