using System.Text.Json;

namespace Tuner.Scheduling.Capacity.Local;

/// <summary>
/// What the local provider remembers of a worker process it started, one JSON file per process under
/// HOME/capacity/local, so a restarted scheduler still finds (and can stop) the workers an earlier one started.
/// </summary>
/// <param name="ProcessStartTicks">The process's start time in clock ticks since boot (/proc/PID/stat field 22), so a
/// recycled process id is not mistaken for the worker.</param>
public sealed record LocalInstanceFile(
    string InstanceId, string LaunchToken, string Deployment, string Pool, int ProcessId, long ProcessStartTicks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LocalInstanceFile? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LocalInstanceFile>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
