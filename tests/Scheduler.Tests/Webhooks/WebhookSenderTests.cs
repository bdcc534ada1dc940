using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Webhooks;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Webhooks;

/// <summary>
/// Alert delivery to a real local HTTP receiver: a receiver that fails is retried after the backoff (time moved by a
/// <see cref="FakeTimeProvider"/>), every attempt carries the same body, delivery id and a signature the receiver can
/// check; attempts that run out leave the delivery Failed with the last error.
/// </summary>
[Collection("postgres")]
public sealed class WebhookSenderTests(PostgresServerFixture postgres)
{
    private const string Secret = "a-shared-secret-of-16+";

    [Fact]
    public async Task Sender_RetriesAfterTheBackoff_UntilTheReceiverTakesIt_SignedTheSameEachTime()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "webhook_retry");
        using var receiver = new AlertReceiver(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var settings = new WebhookSettings([receiver.Url], Secret, Attempts: 5);
        var sender = new WebhookSender(harness.Get<IDbContextFactory<TunerDbContext>>(), settings, clock, NullLogger<WebhookSender>.Instance);
        var id = await EnqueueAsync(harness, settings, clock);

        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None)); // not due for 5 s
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None)); // the second retry waits 10 s
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));

        var delivery = await DeliveryAsync(harness, id);
        Assert.Equal((WebhookDeliveryState.Delivered, 3, (string?)null), (delivery.State, delivery.Attempts, delivery.LastError));
        var received = receiver.Received.ToList();
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], received.Select(r => r.Answer));
        Assert.All(received, r =>
        {
            Assert.Equal(delivery.Body, r.Body);
            Assert.True(WebhookSignature.Matches(r.Body, Secret, r.Headers[WebhookSignature.Header]), "the signature matches the body");
            Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), "budget_alert"), (r.Headers["X-Tuner-Delivery"], r.Headers["X-Tuner-Event"]));
        });
        Assert.False(WebhookSignature.Matches(received[0].Body, "another-secret-of-16+", received[0].Headers[WebhookSignature.Header]));
    }

    [Fact]
    public async Task Sender_MarksTheDeliveryFailed_WithTheLastError_WhenItsAttemptsRunOut()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "webhook_fail");
        using var receiver = new AlertReceiver(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.Forbidden);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var settings = new WebhookSettings([receiver.Url], Secret, Attempts: 3);
        var sender = new WebhookSender(harness.Get<IDbContextFactory<TunerDbContext>>(), settings, clock, NullLogger<WebhookSender>.Instance);
        var id = await EnqueueAsync(harness, settings, clock);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await sender.SendDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var delivery = await DeliveryAsync(harness, id);
        Assert.Equal((WebhookDeliveryState.Failed, 3, "HTTP 403 Forbidden"), (delivery.State, delivery.Attempts, delivery.LastError));
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task Sender_RecordsAReceiverThatIsNotThere_AsTheAttemptsError()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "webhook_down");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var settings = new WebhookSettings([new Uri($"http://127.0.0.1:{Tuner.TestSupport.FreePort.Next()}/nobody")], Secret, Attempts: 4);
        var sender = new WebhookSender(harness.Get<IDbContextFactory<TunerDbContext>>(), settings, clock, NullLogger<WebhookSender>.Instance);
        var id = await EnqueueAsync(harness, settings, clock);

        await sender.SendDueAsync(CancellationToken.None);

        var delivery = await DeliveryAsync(harness, id);
        Assert.Equal((WebhookDeliveryState.Pending, 1), (delivery.State, delivery.Attempts));
        Assert.Contains("Connection refused", delivery.LastError);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(5), delivery.NextAttemptAt);
    }

    private static async Task<long> EnqueueAsync(SchedulerHarness harness, WebhookSettings settings, TimeProvider clock)
    {
        await using var db = await harness.DbAsync();
        new WebhookOutbox(settings, clock).Add(db, null, null, "budget_alert", new { Event = "budget_alert", SpentUsd = 0.85m, ThresholdPercent = 80 });
        await db.SaveChangesAsync();
        return await db.WebhookDeliveries.MaxAsync(d => d.Id);
    }

    private static async Task<WebhookDelivery> DeliveryAsync(SchedulerHarness harness, long id)
    {
        await using var db = await harness.DbAsync();
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }
}
