namespace Tuner.Core.Model;

/// <summary>
/// One message to one webhook, written in the same transaction as what it announces (an outbox), then sent until the
/// receiver accepts it or the attempts run out.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long? SweepId { get; set; }

    /// <summary>The budget alert it announces, if it is one.</summary>
    public long? BudgetAlertId { get; set; }

    /// <summary>The event it carries, e.g. budget_alert; also sent as the X-Tuner-Event header.</summary>
    public required string Event { get; set; }
    public required string Url { get; set; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public required string Body { get; set; }
    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The last failed attempt: the receiver's status code or the error, cut to 500 characters.</summary>
    public string? LastError { get; set; }
}
