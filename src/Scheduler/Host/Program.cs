using Tuner.Scheduler.Cli;

return await TunerCli.InvokeAsync(args);
