using Tuner.Scheduler.Hosting.Settings;
using Tuner.Core.Model;
using Tuner.Scheduling.Events;
using System.CommandLine;
using Tuner.Core.Events;

namespace Tuner.Scheduler.Cli;

internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<long?>("sweep") { Description = "A sweep id; all sweeps when left out", Arity = ArgumentArity.ZeroOrOne };
        var server = CommonOptions.Server();
        var command = new Command("status", "Show sweeps, or one sweep with its trial counts and best trial") { id, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            if (parse.GetValue(id) is not { } sweepId)
            {
                foreach (var s in await client.ListAsync(ct))
                {
                    Console.WriteLine($"{s.Id,5}  {s.State,-10}  {s.Name}  ({s.Objective} {s.Direction}, {s.MaxTrials} trials)");
                }

                return 0;
            }

            var sweep = await client.GetAsync(sweepId, ct);
            Console.WriteLine(SweepText.Headline(sweep, TimeProvider.System.GetUtcNow()));
            if (sweep.State == nameof(SweepState.Running) && sweep.Trials is { Running: 0, Waiting: > 0 }
                && (await client.EventsAsync(sweepId, ct)).LastOrDefault(e => e.Kind == SweepEventKinds.CapacityUnavailable) is { } waiting)
            {
                Console.WriteLine($"Waiting for capacity: {waiting.Message}");
            }

            foreach (var line in SweepText.Best(sweep))
            {
                Console.WriteLine(line);
            }

            return 0;
        });
        return command;
    }
}
