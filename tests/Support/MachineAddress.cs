using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Tuner.TestSupport;

/// <summary>This machine's own network address: what a server bound to it is reached by from elsewhere.</summary>
public static class MachineAddress
{
    /// <summary>The first IPv4 address of an interface that is up and not loopback.</summary>
    public static string NonLoopbackIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))
            ?.ToString()
        ?? throw new InvalidOperationException("this machine has no IPv4 address other than loopback, which the access tests bind to");
}
