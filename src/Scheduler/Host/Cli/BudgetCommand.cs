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
        var max = new Option<decimal>("--max-cost-usd")
        {
            Description = "The new spending limit in US dollars",
            Required = true,
            CustomParser = Dollars,
        };
        var server = CommonOptions.Server();
        var command = new Command("budget", "Change a running or paused sweep's spending limit; a sweep paused at its limit runs again when the new one is above what it spent") { id, max, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            var sweepId = parse.GetValue(id);
            var limit = parse.GetValue(max);
            var sweep = await client.SetBudgetAsync(sweepId, limit, ct);
            Console.WriteLine($"sweep {sweepId} ({sweep.Name}) now has a budget of {CostText.Usd(limit)}; it is {sweep.State}{(sweep.StopReason is { } why && sweep.State == "Paused" ? $" ({why})" : "")}");
            return 0;
        });
        return command;
    }

    private static decimal Dollars(ArgumentResult result)
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
