using System.Text.Json;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Webhooks;

/// <summary>Adds one delivery per configured receiver to the caller's DbContext, so a message is written in the same
/// transaction as what it announces and <see cref="WebhookSender"/> sends it after the commit.</summary>
public sealed class WebhookOutbox(WebhookSettings settings, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Add(TunerDbContext db, long? sweepId, long? budgetAlertId, string eventName, object payload)
    {
        if (settings.Urls.Count == 0) return;
        var now = clock.GetUtcNow();
        var body = JsonSerializer.Serialize(payload, Json);
        foreach (var url in settings.Urls)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SweepId = sweepId, BudgetAlertId = budgetAlertId, Event = eventName, Url = url.ToString(), Body = body,
                State = WebhookDeliveryState.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }
    }
}
