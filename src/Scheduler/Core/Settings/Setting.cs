using System.Reflection;

namespace Tuner.Core.Settings;

/// <summary>One setting of an options class: its property, configuration path, environment variable, default and meaning.</summary>
/// <param name="Path">The configuration path (<c>LEASE_SECONDS</c>, <c>LIMITS:MAX_TRIALS</c>); a config file's key.</param>
/// <param name="Variable">The environment variable (<c>TUNER_LEASE_SECONDS</c>, <c>TUNER_LIMITS__MAX_TRIALS</c>).</param>
/// <param name="Default">The default as README writes it; empty when the setting is unset by default.</param>
public sealed record Setting(PropertyInfo Property, string Path, string Variable, string Default, string Meaning, string Rule);
