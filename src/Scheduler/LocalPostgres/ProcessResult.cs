namespace Tuner.LocalPostgres;

/// <summary>Exit code and combined stdout/stderr of a finished command.</summary>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
