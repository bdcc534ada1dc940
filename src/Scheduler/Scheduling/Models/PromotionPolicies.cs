using System.Text.Json;
using System.Text.Json.Serialization;
using Tuner.Core.Model;
using Tuner.Core.Models;

namespace Tuner.Scheduling.Models;

/// <summary>A schedule's <see cref="PromotionPolicy"/> as stored on its row (guards as a JSON array), both ways.</summary>
public static class PromotionPolicies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static PromotionPolicy Of(Schedule schedule) => new(
        schedule.PromotionMargin,
        schedule.PromotionGuardsJson is { } json ? JsonSerializer.Deserialize<List<MetricGuard>>(json, Json) ?? [] : [],
        schedule.ManualApproval);

    public static void Store(Schedule schedule, PromotionPolicy policy)
    {
        schedule.PromotionMargin = policy.Margin;
        schedule.PromotionGuardsJson = policy.Guards.Count == 0 ? null : JsonSerializer.Serialize(policy.Guards, Json);
        schedule.ManualApproval = policy.ManualApproval;
    }
}
