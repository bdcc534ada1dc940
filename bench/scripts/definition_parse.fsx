// Prints how long the scheduler takes to read hostile definitions: a categorical of 60,000 distinct choices (accepted),
// 100,000 nested '[' (rejected at depth 64), and budget asks over the limits (rejected). Run from the repository root
// after scripts/setup:  dotnet fsi bench/scripts/definition_parse.fsx
#r "../../src/Scheduler/Host/bin/Release/net10.0/Tuner.Core.dll"
#r "../../src/Scheduler/Host/bin/Release/net10.0/YamlDotNet.dll"
#r "../../src/Scheduler/Host/bin/Release/net10.0/Tuner.Search.dll"
#r "../../src/Scheduler/Host/bin/Release/net10.0/Tuner.Trainer.dll"
open System
open System.Globalization
open Tuner.Core.Definitions

let header = "name: hostile\nworkload: { kind: mnist-mlp, max_epochs: 2 }\nobjective: { metric: val_loss }\nspace:\n"
let choices = String.Join(", ", [| for i in 1 .. 60000 -> (float i * 1e-6).ToString("R", CultureInfo.InvariantCulture) |])
let cases =
    [ "60,000 choices", header + "  learning_rate: { type: categorical, choices: [" + choices + "] }\nbudget: { max_trials: 4 }\n"
      "100,000 nested '['", "name: deep\nspace: " + String('[', 100000) + String(']', 100000) + "\n"
      "max_trials 2e9", header + "  learning_rate: 0.01\nbudget: { max_trials: 2000000000, parallelism: 2000000000 }\n" ]

for (name, text) in cases do
    let timings =
        [ for _ in 1 .. 5 ->
            let watch = Diagnostics.Stopwatch.StartNew()
            let result = SweepDefinitionParser.Parse(text)
            watch.Elapsed.TotalMilliseconds, result ]
    let best = timings |> List.map fst |> List.min
    let result = snd timings.Head
    let outcome = if result.Succeeded then "accepted" else sprintf "%d problem(s)" result.Problems.Count
    printfn "%-20s %8d bytes  best of 5: %7.0f ms  %s" name text.Length best outcome
