namespace Tuner.Scheduling.Settings;

/// <summary>The connection string this process uses for PostgreSQL (workers it launches get the same, unless told otherwise).</summary>
public sealed record DatabaseAddress(string ConnectionString);
