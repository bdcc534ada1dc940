namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>EC2's checks on user-data: base64, at most 16 KB decoded.</summary>
internal static class FakeUserData
{
    public static void Check(string? userData)
    {
        if (userData is null)
            return;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(userData);
        }
        catch (FormatException)
        {
            throw new Ec2FakeError("InvalidParameterValue", "Invalid BASE64 encoding of user data.");
        }
        if (bytes.Length > 16384)
            throw new Ec2FakeError("InvalidParameterValue", "User data is limited to 16384 bytes");
    }
}
