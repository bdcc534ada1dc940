using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>Which sweeps GET /api/sweeps lists: in one state, with a name containing a text (any case), with a label
/// (<c>key</c>, or <c>key:value</c> for that value). Null parts filter nothing.</summary>
public sealed record SweepFilter(SweepState? State = null, string? NameContains = null, string? Label = null)
{
    public static readonly SweepFilter None = new();

    public IQueryable<Sweep> Apply(IQueryable<Sweep> sweeps)
    {
        if (State is { } state) sweeps = sweeps.Where(s => s.State == state);
        if (!string.IsNullOrEmpty(NameContains))
        {
            var pattern = "%" + NameContains.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            sweeps = sweeps.Where(s => EF.Functions.ILike(s.Name, pattern, @"\"));
        }

        if (string.IsNullOrEmpty(Label)) return sweeps;
        var colon = Label.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return sweeps.Where(s => EF.Functions.JsonExists(s.LabelsJson, Label));
        var contained = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [Label[..colon]] = Label[(colon + 1)..] });
        return sweeps.Where(s => EF.Functions.JsonContains(s.LabelsJson, contained));
    }
}
