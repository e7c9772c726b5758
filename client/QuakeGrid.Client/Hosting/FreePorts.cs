using System.Net;
using System.Net.Sockets;

namespace QuakeGrid.Client.Hosting;

/// <summary>Free TCP ports on loopback, chosen by the operating system (ephemeral range).</summary>
public static class FreePorts
{
    /// <summary>Distinct ports that were free a moment ago. A port can be taken again before it is used; callers retry.</summary>
    public static int[] Take(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var l in listeners) l?.Stop();
        }
    }
}
