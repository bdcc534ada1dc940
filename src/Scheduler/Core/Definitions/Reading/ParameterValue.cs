using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>One concrete value written in a space entry, with where it was written.</summary>
internal sealed record ParameterValue(object Value, string Path, YamlNode Node);
