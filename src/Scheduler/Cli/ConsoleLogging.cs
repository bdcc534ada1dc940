namespace Tuner.Scheduler.Cli;

internal static class ConsoleLogging
{
    public static ILoggerFactory Create() => LoggerFactory.Create(b => b.AddSimpleConsole(o =>
    {
        o.SingleLine = true;
        o.TimestampFormat = "HH:mm:ss ";
    }));
}
