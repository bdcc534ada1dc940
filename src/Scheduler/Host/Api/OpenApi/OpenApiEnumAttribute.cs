namespace Tuner.Scheduler.Api.OpenApi;

/// <summary>
/// Documents a string property as an enum in the OpenAPI document: the names of <see cref="Values"/> when it is an enum
/// type, or the values of its public string constants when it is a static class of constants.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OpenApiEnumAttribute(Type values) : Attribute
{
    public Type Values { get; } = values;

    public IReadOnlyList<string> Names() => Values.IsEnum
        ? Enum.GetNames(Values)
        : Values.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
}
