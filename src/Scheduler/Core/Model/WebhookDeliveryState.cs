namespace Tuner.Core.Model;

/// <summary>Where a webhook delivery stands. Stored as text.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Not yet accepted; the next attempt is due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; <see cref="WebhookDelivery.LastError"/> says how the last one did.</summary>
    Failed,
}
