namespace Tuner.LocalPostgres;

/// <summary>A directory holding PostgreSQL's server programs.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    public static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public static bool AreIn(string directory) =>
        RequiredPrograms.All(program => File.Exists(Path.Combine(directory, program)));
}
