using System.Net.Http.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Api;

/// <summary>
/// The OpenAPI document a real `tuner server` serves, checked by real tools from npm (tests/ApiClient): Redocly's
/// linter finds no error in it, and a TypeScript client generated from it by openapi-typescript typechecks with tsc
/// (ids are numbers, params are typed maps, states are enums) and, run with node, lists sweeps and trials page by
/// page, gets a sweep, cancels it and reads problem details.
/// </summary>
[Collection("postgres")]
public sealed class GeneratedClientTests(PostgresServerFixture postgres)
{
    private const string Sweep = """
        name: client-check
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 1000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
          hidden_units:  { type: int, low: 16, high: 256 }
          optimizer:     { type: categorical, choices: [adam, sgd] }
        budget: { max_trials: 6, parallelism: 3 }
        """;

    [Fact]
    public async Task OpenApiDocument_LintsClean_AndAGeneratedClientListsGetsPagesAndCancels()
    {
        var tools = ApiClientTools.Find();
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_client"));
        await cluster.SubmitAsync(Sweep);
        var sweep = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(Sweep));
        await Eventually.GetAsync(
            async () => (await cluster.TrialsAsync(sweep.Id)).Count == 3 ? "filled" : null,
            TimeSpan.FromSeconds(60), "the orchestrator to create the first trials", cluster.Diagnostics);
        var work = System.IO.Directory.CreateDirectory(Path.Combine(tools.Directory, $"work-{Guid.NewGuid():N}")).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "openapi.json"), await cluster.Http.GetStringAsync("openapi/v1.json"));
            foreach (var file in new[] { "check-client.ts", "tsconfig.json" })
            {
                File.Copy(Path.Combine(ApiClientTools.Sources, file), Path.Combine(work, file));
            }

            var baseUrl = cluster.Http.BaseAddress!.ToString().TrimEnd('/');
            await File.WriteAllTextAsync(
                Path.Combine(work, "target.ts"), $"export const baseUrl = \"{baseUrl}\";\nexport const sweepId = {sweep.Id};\n");

            var lint = await tools.RunToolAsync(work, "redocly", "lint", "openapi.json", "--format=stylish");
            var generate = await tools.RunToolAsync(work, "openapi-typescript", "openapi.json", "--output", "schema.d.ts");
            var typecheck = await tools.RunToolAsync(work, "tsc", "--project", "tsconfig.json");
            (int ExitCode, string Output) run = typecheck.ExitCode == 0 ? await tools.RunNodeAsync(work, "out/check-client.js") : (-1, "(not run)");

            Assert.True(lint.ExitCode == 0, $"redocly lint found errors:\n{lint.Output}");
            Assert.Contains("Your API description is valid", lint.Output);
            Assert.True(generate.ExitCode == 0, $"openapi-typescript failed:\n{generate.Output}");
            Assert.True(typecheck.ExitCode == 0, $"tsc rejected the generated client or the check script:\n{typecheck.Output}");
            Assert.True(run.ExitCode == 0, $"the generated client's run failed:\n{run.Output}\n{cluster.Diagnostics()}");
            Assert.Contains("listed 2 sweeps", run.Output);
            Assert.Contains($"sweep {sweep.Id} client-check: Running, 3 waiting", run.Output);
            Assert.Contains("listed 3 trials: 0:Waiting 1:Waiting 2:Waiting", run.Output);
            Assert.Contains("events: ", run.Output);
            Assert.Matches(@"cancel: 202 (Cancelling|Cancelled)", run.Output);
            Assert.Contains($"cancel again: 409 Sweep cannot be cancelled: sweep {sweep.Id} is", run.Output);
            Assert.Contains("missing: 404 Sweep not found: there is no sweep with id 987654321", run.Output);
            var cancelled = await cluster.Http.GetFromJsonAsync<SweepDetails>($"api/sweeps/{sweep.Id}");
            Assert.Contains(cancelled!.State, new[] { "Cancelling", "Cancelled" });
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }
}
