using Microsoft.Extensions.Logging.Console;

namespace Tuner.Scheduler.Hosting.Logging;

public sealed class TunerConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Write exceptions with their stack traces (`--verbose`).</summary>
    public bool Verbose { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
