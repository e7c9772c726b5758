using System.Net;
using System.Net.Sockets;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>Loopback ports the operating system reports free.</summary>
public static class FreePort
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var l in listeners) l.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var l in listeners) l.Stop();
        }
    }
}
