using System.CommandLine;
using System.Globalization;

namespace Tuner.Scheduler.Cli;

internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<long?>("sweep") { Description = "A sweep id; all sweeps when left out", Arity = ArgumentArity.ZeroOrOne };
        var server = CommonOptions.Server();
        var command = new Command("status", "Show sweeps, or one sweep with its best trial") { id, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(parse.GetValue(server)!);
            if (parse.GetValue(id) is not { } sweepId)
            {
                foreach (var s in await client.ListAsync(ct) ?? [])
                {
                    Console.WriteLine($"{s.Id,5}  {s.State,-10}  {s.Name}  ({s.Objective} {s.Direction}, {s.MaxTrials} trials)");
                }

                return 0;
            }

            var d = await client.GetAsync(sweepId, ct);
            if (d is null)
            {
                await Console.Error.WriteLineAsync($"no sweep {sweepId}");
                return 1;
            }

            var t = d.Trials;
            Console.WriteLine($"sweep {d.Id} {d.Name}: {d.State}{(d.StopReason is null ? "" : $" ({d.StopReason})")}");
            Console.WriteLine($"trials: {t.Running} running, {t.Waiting} waiting, {t.Complete} complete, {t.Pruned} pruned, {t.Failed} failed, {t.Cancelled} cancelled; {t.Preemptions} preemptions, {t.LostRuns} lost runs");
            if (d.State == "Running" && t.Running == 0 && t.Waiting > 0
                && (await client.EventsAsync(sweepId, ct) ?? []).LastOrDefault(e => e.Kind == Events.SweepEvents.CapacityUnavailable) is { } waiting)
            {
                Console.WriteLine($"waiting for capacity: {waiting.Message}");
            }

            if (d.Best is { } best)
            {
                Console.WriteLine($"best: trial {best.Number} {d.Objective}={best.Value.ToString("F4", CultureInfo.InvariantCulture)} at epoch {best.Epoch} {ParamText.Format(best.Params)}");
                Console.WriteLine($"      checkpoint {best.CheckpointUri}");
            }

            return 0;
        });
        return command;
    }
}
