namespace Tuner.Core.Definitions.Reading;

/// <summary>Finds the known word a misspelt one was probably meant to be.</summary>
internal static class KeySuggestions
{
    /// <summary>" (did you mean 'parallelism'?)" when one known word is close to <paramref name="given"/>, else "".</summary>
    public static string DidYouMean(string given, IEnumerable<string> known)
    {
        var closest = known
            .Select(word => (Word: word, Distance: Distance(given.ToLowerInvariant(), word.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= Math.Min(2, Math.Max(1, given.Length / 3)))
            .OrderBy(candidate => candidate.Distance)
            .FirstOrDefault();
        return closest.Word is null ? "" : $" (did you mean '{closest.Word}'?)";
    }

    public static string List(IEnumerable<string> known) => string.Join(", ", known);

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
