using System.Text;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>The startup script as EC2 user-data: base64 of its UTF-8 bytes, at most 16 KB before encoding.</summary>
internal static class StartupUserData
{
    public const int MaxBytes = 16 * 1024;

    public static string Encode(string script)
    {
        var bytes = Encoding.UTF8.GetBytes(script);
        if (bytes.Length > MaxBytes)
            throw new CapacityException(CapacityErrorKind.Rejected, "UserDataTooLarge",
                $"StartupScript must be at most {MaxBytes} bytes (EC2's user-data limit, before base64), " +
                $"but got {bytes.Length} bytes");
        return Convert.ToBase64String(bytes);
    }
}
