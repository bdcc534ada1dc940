using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Webhooks;

/// <summary>
/// Sends the webhook outbox (`tuner server`): each due delivery is claimed with <c>FOR UPDATE SKIP LOCKED</c> (two
/// schedulers never send one twice at once), POSTed with its signature, and marked Delivered on a 2xx answer; otherwise
/// it is retried after a backoff (5 s, doubling, at most 10 min) until its attempts run out and it is marked Failed.
/// The schedule lives in the row rather than in a Polly retry pipeline, so a retry survives a restart of the scheduler
/// and the delivery state is visible (GET /api/sweeps/{id}/alerts). Receivers get at-least-once delivery: a crash after
/// the POST and before the commit sends the message again, with the same X-Tuner-Delivery id.
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<TunerDbContext> contexts, WebhookSettings settings, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    private readonly HttpClient http = new() { Timeout = settings.Timeout };

    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync("Webhook delivery", PollInterval, clock, logger, SendDueAsync, stoppingToken);

    /// <summary>Sends every delivery that is due now, one at a time; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var attempted = 0;
        while (await SendOneAsync(ct)) attempted++;
        return attempted;
    }

    private async Task<bool> SendOneAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var pending = nameof(WebhookDeliveryState.Pending);
        var delivery = await db.WebhookDeliveries.FromSql($"""
            SELECT * FROM tuner.webhook_deliveries WHERE state = {pending} AND next_attempt_at <= {now}
             ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(ct);
        if (delivery is null) return false;

        var error = await PostAsync(delivery, ct);
        delivery.Attempts++;
        if (error is null)
        {
            delivery.State = WebhookDeliveryState.Delivered;
            delivery.DeliveredAt = clock.GetUtcNow();
            delivery.LastError = null;
        }
        else
        {
            delivery.LastError = error.Length > 500 ? error[..500] : error;
            if (delivery.Attempts >= settings.Attempts)
            {
                delivery.State = WebhookDeliveryState.Failed;
                logger.LogWarning("Webhook {Event} #{Id} to {Url} failed {Attempts} times; giving up: {Error}", delivery.Event, delivery.Id, delivery.Url, delivery.Attempts, error);
            }
            else
            {
                delivery.NextAttemptAt = clock.GetUtcNow() + settings.RetryAfter(delivery.Attempts);
                logger.LogInformation("Webhook {Event} #{Id} to {Url} failed ({Error}); retrying at {Next:O}", delivery.Event, delivery.Id, delivery.Url, error, delivery.NextAttemptAt);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Null when the receiver took it (2xx), else what went wrong, in words.</summary>
    private async Task<string?> PostAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Tuner-Event", delivery.Event);
        request.Headers.Add("X-Tuner-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (settings.Secret is { } secret) request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(delivery.Body, secret));
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex is TaskCanceledException ? $"no answer within {settings.Timeout.TotalSeconds:0} s" : ex.Message;
        }
    }

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }
}
