using System.Net;
using System.Net.Sockets;

namespace Tuner.TestSupport;

/// <summary>
/// A loopback TCP port nothing listens on right now. Servers that tests start as processes (PostgreSQL, fauxqs) cannot
/// be told "port 0", so tests ask the OS for an ephemeral port and release it for the server to take.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
