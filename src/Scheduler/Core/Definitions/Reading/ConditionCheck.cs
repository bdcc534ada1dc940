using Tuner.Search.Spaces;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Checks each <c>when</c> against the entry it names: the parent must be another categorical or int
/// parameter in the space, and every value one it can take.</summary>
internal static class ConditionCheck
{
    public static void Check(IReadOnlyList<ParsedParameter> parameters, ProblemCollector problems)
    {
        var byName = parameters.ToDictionary(parameter => parameter.Name, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (parameter.When is not { } when) continue;
            if (when.Parent == parameter.Name)
            {
                problems.Add(when.Path, $"'{parameter.Name}' cannot depend on itself", when.ParentNode);
            }
            else if (!byName.TryGetValue(when.Parent, out var parent))
            {
                var others = byName.Keys.Where(name => name != parameter.Name).ToList();
                problems.Add(when.Path, $"when refers to '{when.Parent}', which is not a parameter in space{KeySuggestions.DidYouMean(when.Parent, others)}; space has: {KeySuggestions.List(others)}", when.ParentNode);
            }
            else
            {
                CheckValues(when, parent, problems);
            }
        }
    }

    private static void CheckValues(ConditionDraft when, ParsedParameter parent, ProblemCollector problems)
    {
        var path = $"{when.Path}.{when.Parent}";
        for (var i = 0; i < when.Values.Count; i++)
        {
            var value = when.Values[i];
            var problem = parent.Distribution switch
            {
                CategoricalDistribution categorical when !categorical.Choices.Contains(value) =>
                    $"when value '{ScalarValues.Format(value)}' is not one of {parent.Name}'s choices: {KeySuggestions.List(categorical.Choices.Select(ScalarValues.Format))}",
                IntDistribution range when value is not long integer || integer < range.Low || integer > range.High =>
                    $"when value '{ScalarValues.Format(value)}' is not an integer between {range.Low} and {range.High}, the range of {parent.Name}",
                FloatDistribution =>
                    $"when can refer only to a categorical or int parameter, but '{parent.Name}' is float",
                _ => null,
            };
            if (problem is not null) problems.Add(path, problem, when.ValueNodes[i]);
        }
    }
}
