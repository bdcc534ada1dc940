namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The formats GET /api/sweeps/{id}/export writes.</summary>
public static class ExportFormats
{
    public const string Csv = "csv";
    public const string Json = "json";

    public static readonly IReadOnlyList<string> All = [Csv, Json];
}
