using Microsoft.AspNetCore.Http;
using Tuner.Core;

namespace Tuner.Scheduling.Settings;

/// <summary>Where `tuner server` and `tuner run` listen (TUNER_URLS or --urls): one or more http(s) URLs separated by ';'.</summary>
public static class ListenUrls
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>Returns <paramref name="text"/> when Kestrel can listen on every URL in it; throws <see cref="SettingsException"/> naming <paramref name="source"/> otherwise.</summary>
    public static string Validate(string text, string source)
    {
        foreach (var url in Split(text))
        {
            _ = Parse(url, source);
        }

        return text;
    }

    /// <summary>The URLs in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static BindingAddress Parse(string url, string source)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            if (address.Scheme is "http" or "https")
            {
                return address;
            }
        }
        catch (FormatException)
        {
            // Reported below with the rule.
        }

        throw new SettingsException($"{source} must be http:// or https:// URLs separated by ';' (such as {Default}), but got '{url}'");
    }
}
