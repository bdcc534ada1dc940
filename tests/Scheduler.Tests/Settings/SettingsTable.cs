using System.Text;
using Tuner.Core.Settings;

namespace Tuner.Scheduler.Tests.Settings;

/// <summary>A documentation table of settings as the options classes declare them, and where a document keeps one.</summary>
internal static class SettingsTable
{
    public static string Render(IEnumerable<Setting> settings)
    {
        var table = new StringBuilder("| variable | default | meaning |\n| --- | --- | --- |\n");
        foreach (var s in settings)
        {
            var value = s.Default.Length == 0 ? "(unset)" : $"`{s.Default}`";
            table.Append($"| `{s.Variable}` | {value} | {s.Meaning} |\n");
        }

        return table.ToString();
    }

    /// <summary>The text between <c>&lt;!-- marker --&gt;</c> and <c>&lt;!-- /marker --&gt;</c> on lines of their own.</summary>
    public static string Between(string document, string marker)
    {
        var (open, close) = ($"<!-- {marker} -->\n", $"<!-- /{marker} -->");
        var start = document.IndexOf(open, StringComparison.Ordinal);
        var end = document.IndexOf(close, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"the document has no '{open.Trim()}' ... '{close}' block");
        return document[(start + open.Length)..end];
    }
}
