using System.Net;
using System.Net.Sockets;

namespace Tuner.LocalPostgres;

/// <summary>Checks, just before starting, that nothing else listens on the cluster's port.</summary>
internal static class PortProbe
{
    public static void EnsureFree(int port, string dataDirectory)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new LocalPostgresException(
                $"port {port} on 127.0.0.1 is already in use by another process, so the private PostgreSQL cluster " +
                $"in '{dataDirectory}' cannot listen on it; choose another port or stop that process", e);
        }
        finally
        {
            listener.Stop();
        }
    }
}
