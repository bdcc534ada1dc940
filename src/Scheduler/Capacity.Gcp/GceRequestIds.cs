using System.Security.Cryptography;
using System.Text;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// Compute Engine requestId values. GCE answers a repeated requestId with the first request's operation, whatever the
/// new request says, so each (zone, machine type) attempt of a launch needs its own id: the first choice uses the
/// launch token itself, the others a name-based UUID (SHA-256 of token, zone and type,
/// in the version 8 layout). A retried launch
/// therefore repeats exactly the ids of the first, and each attempt's operation is found again.
/// </summary>
public static class GceRequestIds
{
    public static Guid ForAttempt(Guid launchToken, string zone, string machineType, bool firstChoice) =>
        firstChoice ? launchToken : NameBased(launchToken, $"insert/{zone}/{machineType}");

    public static Guid ForDelete(GceInstanceId instance) => NameBased(Guid.Empty, $"delete/{instance}");

    private static Guid NameBased(Guid space, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(space.ToString("N") + "/" + name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        var uuid = hash[..16].ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
