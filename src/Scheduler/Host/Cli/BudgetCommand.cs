using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Tuner.Core.Definitions;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

internal static class BudgetCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("sweep") { Description = "The sweep whose budget to change" };
        var max = new Option<decimal?>("--max-cost-usd")
        {
            Description = "The new spending limit in US dollars (a running or paused sweep)",
            CustomParser = Dollars,
        };
        var trials = PositiveNumbers.Optional("--max-trials",
            "The new budget.max_trials, at least the trials the sweep has; raising it on a completed sweep continues it");
        var server = CommonOptions.Server();
        var command = new Command("budget",
            "Change a sweep's spending limit or max_trials: a sweep paused at its limit runs again when the new one is above what it spent, and a completed sweep continues when max_trials is raised")
            { id, max, trials, server };
        command.Validators.Add(result =>
        {
            // GetResult, not GetValue: a value that failed to parse has its own error, and GetValue would throw on it.
            if (result.GetResult(max) is null && result.GetResult(trials) is null) result.AddError("give --max-cost-usd, --max-trials or both");
        });
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            var sweepId = parse.GetValue(id);
            var limit = parse.GetValue(max);
            var maxTrials = parse.GetValue(trials);
            var sweep = await client.SetBudgetAsync(sweepId, limit, maxTrials, ct);
            var changed = string.Join(" and ", new[]
            {
                limit is { } usd ? $"a budget of {CostText.Usd(usd)}" : null,
                maxTrials is { } n ? $"max_trials {n}" : null,
            }.OfType<string>());
            Console.WriteLine($"sweep {sweepId} ({sweep.Name}) now has {changed}; it is {sweep.State}{(sweep.StopReason is { } why && sweep.State == "Paused" ? $" ({why})" : "")}");
            return 0;
        });
        return command;
    }

    private static decimal? Dollars(ArgumentResult result)
    {
        var text = string.Join(' ', result.Tokens.Select(t => t.Value));
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd) && usd > 0 && usd <= CostLimit.MostUsd)
        {
            return usd;
        }

        result.AddError($"--max-cost-usd must be dollars greater than 0 and at most {CostLimit.MostUsd.ToString("#,0", CultureInfo.InvariantCulture)}, like 25 or 2.50, but got '{text}'");
        return 0;
    }
}
