namespace Tuner.Scheduler.Cli.Failures;

/// <summary>What `tuner` exits with; docs/cli.md lists them for scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Usage or input: an unknown option, a bad value, a missing or invalid file, a bad environment variable.</summary>
    public const int BadInput = 1;

    /// <summary>The server has no such sweep, trial, checkpoint, schedule or model.</summary>
    public const int NotFound = 2;

    /// <summary>No server answers at the address (nothing listens, wrong host, timeout).</summary>
    public const int ServerUnreachable = 3;

    /// <summary>The server refused the request as it stands (409: e.g. cancelling a finished sweep; other 4xx).</summary>
    public const int Refused = 4;

    /// <summary>The server failed (5xx) or answered something the CLI cannot read.</summary>
    public const int ServerFailed = 5;

    /// <summary>`tuner server` or `tuner run` cannot listen on its address (in use, not permitted).</summary>
    public const int CannotListen = 6;

    /// <summary>PostgreSQL cannot be started or reached.</summary>
    public const int DatabaseUnavailable = 7;

    /// <summary>The training device (TUNER_DEVICE) is not available in this build or on this machine.</summary>
    public const int DeviceUnavailable = 8;

    /// <summary>The work itself failed: `tuner train`'s training, `tuner run`'s local workers dying at start.</summary>
    public const int WorkFailed = 9;

    /// <summary>The training data cannot be downloaded or read (MNIST for `tuner train`, `tuner worker`, `tuner run`).</summary>
    public const int DataUnavailable = 10;

    /// <summary>The server asks for an API key and none was sent, the key is not valid, or its role does not allow the request.</summary>
    public const int NotAllowed = 11;

    /// <summary>A bug in Tuner: an exception nobody expected (run again with --verbose and report the stack trace).</summary>
    public const int Internal = 70;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
