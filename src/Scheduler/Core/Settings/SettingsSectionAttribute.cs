namespace Tuner.Core.Settings;

/// <summary>The configuration section an options class binds from (<c>LIMITS</c>: variables <c>TUNER_LIMITS__*</c>); without it, the root.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SettingsSectionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
