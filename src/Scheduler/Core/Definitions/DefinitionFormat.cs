namespace Tuner.Core.Definitions;

/// <summary>The text format of a sweep definition; <see cref="Auto"/> reads JSON when the first non-space character is '{'.</summary>
public enum DefinitionFormat
{
    Auto,
    Yaml,
    Json,
}
