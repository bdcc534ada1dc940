namespace Tuner.Core;

/// <summary>A setting (an environment variable such as TUNER_PG_PORT) has a value Tuner cannot use; the message names it, the rule and the value.</summary>
public sealed class SettingsException(string message) : Exception(message);
