using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Turns definition text into one YAML node tree with line marks, or a syntax problem naming the line.
/// JSON is first checked with System.Text.Json (for its exact syntax errors), then read as YAML flow syntax. Both stop
/// at <see cref="DefinitionLimits.MaxDepth"/> levels of nesting before anything recurses.</summary>
internal static partial class DocumentLoader
{
    public static YamlNode? Load(string text, DefinitionFormat format, ProblemCollector problems)
    {
        var body = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add("", "the definition is empty", line: null);
            return null;
        }

        var isJson = format == DefinitionFormat.Json || (format == DefinitionFormat.Auto && body.TrimStart()[0] == '{');
        if (isJson && !IsValidJson(body, problems)) return null;
        return LoadYaml(body, isJson ? "JSON" : "YAML", problems);
    }

    private static bool IsValidJson(string text, ProblemCollector problems)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = DefinitionLimits.MaxDepth });
            return true;
        }
        catch (JsonException error)
        {
            var line = (int)(error.LineNumber ?? 0) + 1;
            var column = (int)(error.BytePositionInLine ?? 0) + 1;
            var reason = JsonLocationSuffix().Replace(error.Message, "").Replace(" Change the reader options.", "").TrimEnd();
            problems.Add("", $"invalid JSON at line {line}, column {column}: {LowerFirst(reason)}", line);
            return false;
        }
    }

    private static YamlNode? LoadYaml(string text, string formatName, ProblemCollector problems)
    {
        var parser = new Parser(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(parser, DefinitionLimits.MaxDepth));
        }
        catch (YamlException error)
        {
            AddSyntaxProblem(problems, formatName, error.Start, error.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this for some unclosed flow collections; the parser still knows where it stopped.
            AddSyntaxProblem(problems, formatName, parser.Current?.Start ?? Mark.Empty, "the text could not be parsed (is a '[' or '{' left unclosed?)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add("", "the definition is empty", line: null);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add("", $"expected one document, found {stream.Documents.Count}", stream.Documents[1].RootNode);
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static void AddSyntaxProblem(ProblemCollector problems, string formatName, Mark at, string reason)
    {
        var line = (int)Math.Max(1, at.Line);
        problems.Add("", $"invalid {formatName} at line {line}, column {Math.Max(1, at.Column)}: {LowerFirst(reason)}", line);
    }

    private static string LowerFirst(string reason) => reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;

    [GeneratedRegex(@"\s*(Path: .*|LineNumber: .*)$")]
    private static partial Regex JsonLocationSuffix();
}
