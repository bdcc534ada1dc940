using Tuner.Benchmarks.Cli;

return BenchmarkCli.Run(args, Console.Out, Console.Error);
