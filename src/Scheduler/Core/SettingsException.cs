namespace Tuner.Core;

/// <summary>
/// Settings (environment variables such as TUNER_PG_PORT, or their keys in the config file) have values Tuner cannot
/// use. Each of <see cref="Problems"/> names the variable, the rule and the value; the message joins them.
/// </summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string message)
        : this([message])
    {
    }

    public SettingsException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
