using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tuner.Core.Access;
using Tuner.Persistence;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Hosting.Logging;
using Tuner.Scheduler.Hosting.Settings;
using Tuner.Scheduling.Access;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>
/// `tuner keys create|list|revoke`: the API keys of the database this machine's settings name (TUNER_DATABASE_URL, or
/// the private cluster under TUNER_HOME). It works on the database, not through the API, so the first admin key can be
/// made before any key exists: whoever can reach the database is an admin already.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Make, list and revoke the API keys `tuner server` asks for (works on the database directly)");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Argument<string>("name") { Description = "Who or what holds the key, e.g. alice or nightly-ci" };
        var role = new Option<string>("--role") { Description = $"What the key may do: {AccessRoles.Names} (each includes the ones before it)", Required = true };
        var home = CommonOptions.Home();
        var command = new Command("create", "Make a key and print it once; only its hash is kept") { name, role, home };
        command.SetAction(async (parse, ct) =>
        {
            if (!AccessRoles.TryParse(parse.GetValue(role), out var chosen))
                throw new CliFailure(ExitCodes.BadInput, $"--role must be one of {AccessRoles.Names}, but got '{parse.GetValue(role)}'");
            return await WithKeysAsync(parse, home, async keys =>
            {
                try
                {
                    var (key, text) = await keys.CreateAsync(parse.GetValue(name)!, chosen, ct);
                    Console.Error.WriteLine($"made key '{key.Name}' with role {key.Role.Name()}; it is shown once, here, and only its hash is kept:");
                    Console.WriteLine(text);
                    Console.Error.WriteLine("use it as TUNER_API_KEY for the CLI, 'Authorization: Bearer <key>' for the API, or sign in at /signin");
                }
                catch (ApiKeyException e)
                {
                    throw new CliFailure(ExitCodes.BadInput, e.Message);
                }
            }, ct);
        });
        return command;
    }

    private static Command List()
    {
        var home = CommonOptions.Home();
        var command = new Command("list", "List the keys: name, role, id, when made and last used, revoked or not (never the key)") { home };
        command.SetAction(async (parse, ct) => await WithKeysAsync(parse, home, async keys =>
        {
            var all = await keys.ListAsync(ct);
            if (all.Count == 0) Console.WriteLine("no keys: `tuner keys create NAME --role admin` makes the first");
            foreach (var k in all)
            {
                var used = k.LastUsedAt is { } at ? $"last used {at:yyyy-MM-dd HH:mm}Z" : "never used";
                var state = k.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm}Z" : "active";
                Console.WriteLine($"{k.Name,-24} {k.Role.Name(),-7} {ApiKeyText.Prefix}{k.KeyId}_…  made {k.CreatedAt:yyyy-MM-dd HH:mm}Z  {used}  {state}");
            }
        }, ct));
        return command;
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("name") { Description = "The key's name" };
        var home = CommonOptions.Home();
        var command = new Command("revoke", "Revoke a key: requests with it are refused at once, and sessions signed in with it end") { name, home };
        command.SetAction(async (parse, ct) => await WithKeysAsync(parse, home, async keys =>
        {
            if (!await keys.RevokeAsync(parse.GetValue(name)!, ct))
                throw new CliFailure(ExitCodes.NotFound, $"there is no active key named '{parse.GetValue(name)}': `tuner keys list` shows them");
            Console.WriteLine($"revoked key '{parse.GetValue(name)}'");
        }, ct));
        return command;
    }

    private static async Task<int> WithKeysAsync(ParseResult parse, Option<string?> home, Func<ApiKeys, Task> action, CancellationToken ct)
    {
        var configuration = TunerConfiguration.Load(parse.GetValue(CommonOptions.Config));
        var reader = configuration.Reader();
        var settings = TunerSettings.Read(reader, parse.GetValue(home));
        reader.Add(configuration.UnknownFileKeys(SettingTypes.All));
        reader.ThrowIfAny();
        // The key is the only line on stdout (key=$(tuner keys create ...)); starting the private cluster says so on stderr.
        using var loggerFactory = TunerLogging.CreateFactory(parse.GetValue(CommonOptions.Verbose), toStandardError: true);
        await using var database = await DatabaseBootstrap.StartAsync(settings, loggerFactory.CreateLogger("tuner"), ct);
        var contexts = new PooledDbContextFactory<TunerDbContext>(TunerDatabase.Options(database.ConnectionString));
        await action(new ApiKeys(contexts, TimeProvider.System));
        return ExitCodes.Ok;
    }
}
