namespace Tuner.LocalPostgres;

/// <summary>
/// Where and how to run Tuner's private PostgreSQL cluster. <paramref name="Durable"/> = false turns off fsync,
/// synchronous_commit and full_page_writes: fast, but a machine crash can lose or corrupt data (tests only).
/// </summary>
public sealed record LocalPostgresOptions(string DataDirectory, int Port, string Database = "tuner", bool Durable = true)
{
    internal void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add("DataDirectory must be a directory path, but got an empty value");
        }
        if (Port is < 1 or > 65535)
        {
            problems.Add($"Port must be between 1 and 65535, but got Port={Port}");
        }
        if (!DatabaseName.IsValid(Database))
        {
            problems.Add($"Database {DatabaseName.Rule}, but got Database='{Database}'");
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid LocalPostgresOptions: " + string.Join("; ", problems));
        }
    }
}
