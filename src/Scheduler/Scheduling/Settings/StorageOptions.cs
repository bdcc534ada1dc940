using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Settings;

/// <summary>Where Tuner keeps its state: its home folder and the PostgreSQL every role shares.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string DefaultHome = ".tuner";
    public const int DefaultPostgresPort = 55432;

    [ConfigurationKeyName("HOME")]
    [Setting("private PostgreSQL cluster (`pg/`), checkpoints, data, worker logs", Default = "./" + DefaultHome)]
    public string Home { get; set; } = DefaultHome;

    [ConfigurationKeyName("DATABASE_URL")]
    [Setting("an Npgsql connection string to use an existing PostgreSQL instead of the private cluster")]
    public string? DatabaseUrl { get; set; }

    [ConfigurationKeyName("PG_PORT")]
    [Setting("port of the private cluster (listens on 127.0.0.1 only)", Rule = PortRule)]
    public int PostgresPort { get; set; } = DefaultPostgresPort;

    private const string PortRule = "must be a TCP port from 1 to 65535";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PostgresPort is < 1 or > 65535)
            yield return new($"{SettingCatalog.Variable<StorageOptions>(nameof(PostgresPort))} {PortRule}, but got '{PostgresPort}'");
        if (DatabaseUrl is { } url && ConnectionStringProblem(url) is { } problem)
            yield return new(problem);
    }

    /// <summary>Npgsql's complaint, never the value itself, which may hold a password.</summary>
    private static string? ConnectionStringProblem(string url)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(url);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"TUNER_DATABASE_URL must be an Npgsql connection string such as 'Host=db;Port=5432;Database=tuner;Username=tuner;Password=...', but Npgsql cannot read it ({e.Message.Split(" (Parameter")[0].TrimEnd('.')})";
        }
    }
}
