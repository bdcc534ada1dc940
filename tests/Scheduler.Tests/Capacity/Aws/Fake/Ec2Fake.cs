using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>
/// An in-process EC2 that speaks the query protocol on 127.0.0.1 (form-encoded POST with Action and Version=2016-11-15;
/// XML answers in EC2's namespace; EC2's error envelope with 400/500/503): RunInstances, CreateFleet (instant),
/// CreateLaunchTemplate, DescribeLaunchTemplates, DescribeInstances, TerminateInstances, DescribeSpotPriceHistory.
/// It keeps instances in memory, honours ClientToken, records every request, and fails or holds calls on demand.
/// </summary>
public sealed partial class Ec2Fake : IAsyncDisposable
{
    private readonly Ec2FakeState _state;
    private readonly WebApplication _app;

    private Ec2Fake(Ec2FakeState state, WebApplication app)
    {
        _state = state;
        _app = app;
    }

    public Uri Url => new(_app.Urls.Single());

    /// <summary>Every request received, in order, failed ones included.</summary>
    public IReadOnlyList<Ec2FakeRequest> Requests
    {
        get { lock (_state.Gate) return [.. _state.Requests]; }
    }

    public IReadOnlyList<Ec2FakeInstance> Instances
    {
        get { lock (_state.Gate) return [.. _state.Instances]; }
    }

    public IReadOnlyList<FakeLaunchTemplate> LaunchTemplates
    {
        get { lock (_state.Gate) return [.. _state.TemplatesByName.Values]; }
    }

    /// <summary>Largest DescribeInstances page, whatever MaxResults asks (to test pagination with few instances).</summary>
    public int MaxPageSize
    {
        set { lock (_state.Gate) _state.MaxPageSize = value; }
    }

    /// <summary>Leaves availabilityZone out of CreateFleet's instances, as EC2 did before it added the field.</summary>
    public bool FleetAnswersWithoutZone
    {
        set { lock (_state.Gate) _state.FleetAnswersWithoutZone = value; }
    }

    public static async Task<Ec2Fake> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var fake = new Ec2Fake(new Ec2FakeState(clock ?? TimeProvider.System), app);
        app.MapPost("/", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public IReadOnlyList<Ec2FakeRequest> RequestsFor(string action) => Requests.Where(r => r.Action == action).ToList();

    /// <summary>Declares a subnet and its Availability Zone (launches into unknown subnets fail with InvalidSubnetID.NotFound).</summary>
    public void AddSubnet(string subnetId, string zone)
    {
        lock (_state.Gate) _state.ZoneBySubnet[subnetId] = zone;
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="action"/> fail with <paramref name="code"/>:
    /// an error response, except that CreateFleet reports capacity and limit codes in its errorSet, as instant fleets do.</summary>
    public void FailNext(string action, string code, int count = 1)
    {
        lock (_state.Gate)
        {
            var queue = _state.Failures.TryGetValue(action, out var codes) ? codes : _state.Failures[action] = new Queue<string>();
            for (var i = 0; i < count; i++)
                queue.Enqueue(code);
        }
    }

    /// <summary>From now on, launches of <paramref name="instanceType"/> in <paramref name="zone"/> find no capacity.</summary>
    public void NoCapacity(string instanceType, string zone)
    {
        lock (_state.Gate) _state.WithoutCapacity.Add((instanceType, zone));
    }

    public void RestoreCapacity(string instanceType, string zone)
    {
        lock (_state.Gate) _state.WithoutCapacity.Remove((instanceType, zone));
    }

    public void SetSpotPrice(string instanceType, string zone, decimal priceUsd, DateTimeOffset timestamp)
    {
        lock (_state.Gate) _state.SpotPrices.Add((instanceType, zone, priceUsd, timestamp));
    }

    /// <summary>Holds the next launch after its instance exists, before EC2 answers.</summary>
    public Ec2FakeLaunchHold HoldNextLaunch()
    {
        lock (_state.Gate) return _state.Hold = new Ec2FakeLaunchHold();
    }

    /// <summary>What a spot interruption does: the instance is terminated by EC2.</summary>
    public void Preempt(string instanceId) => SetState(instanceId, "terminated", "Server.SpotInstanceTermination");

    public void SetState(string instanceId, string state, string? reasonCode = null)
    {
        Ec2Xml.StateCode(state);
        lock (_state.Gate)
        {
            var instance = _state.Find(instanceId);
            instance.State = state;
            instance.StateReasonCode = reasonCode ?? instance.StateReasonCode;
        }
    }

    /// <summary>Puts an instance straight into the fake, as if someone else had launched it.</summary>
    public Ec2FakeInstance AddInstance(string instanceType, string subnetId, IReadOnlyDictionary<string, string> tags,
        bool spot = true, string state = "running")
    {
        lock (_state.Gate)
        {
            var instance = _state.Launch(instanceType, subnetId, "ami-0123456789abcdef0", spot, token: null, tags, userData: null);
            instance.State = state;
            return instance;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var auth = SigV4Credential().Match(context.Request.Headers.Authorization.ToString());
        var request = new Ec2FakeRequest(form["Action"].ToString(),
            form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal),
            auth.Groups["key"].Value, auth.Groups["region"].Value);
        var launched = new List<Ec2FakeInstance>();
        Ec2FakeLaunchHold? hold = null;
        XDocument answer;
        try
        {
            lock (_state.Gate)
            {
                _state.Requests.Add(request);
                answer = new XDocument(Dispatch(request, requestId, launched));
                if (launched.Count > 0)
                    (hold, _state.Hold) = (_state.Hold, null);
            }
        }
        catch (Ec2FakeError e)
        {
            await WriteAsync(context, e.Status, Ec2Xml.Error(e.Code, e.Message, requestId));
            return;
        }
        if (hold is not null)
            await hold.HoldAsync(launched[0].InstanceId, context.RequestAborted);
        await WriteAsync(context, StatusCodes.Status200OK, answer);
    }

    private XElement Dispatch(Ec2FakeRequest request, string requestId, List<Ec2FakeInstance> launched)
    {
        if (request.AccessKey.Length == 0)
            throw new Ec2FakeError("AuthFailure", "AWS was not able to validate the provided access credentials");
        if (request["Version"] != "2016-11-15")
            throw new Ec2FakeError("InvalidParameterValue", $"Version must be 2016-11-15, but got {request["Version"]}");
        var failure = _state.TakeFailure(request.Action);
        if (failure is not null && !(request.Action == "CreateFleet" && Ec2FakeError.IsFleetLaunchError(failure)))
            throw new Ec2FakeError(failure, $"{failure} (injected by the test)");
        return request.Action switch
        {
            "RunInstances" => FakeRunInstances.Handle(_state, request, requestId, launched),
            "CreateFleet" => FakeCreateFleet.Handle(_state, request, requestId, launched, failure),
            "CreateLaunchTemplate" => FakeLaunchTemplates.Create(_state, request, requestId),
            "DescribeLaunchTemplates" => FakeLaunchTemplates.DescribeMany(_state, request, requestId),
            "DescribeInstances" => FakeDescribeInstances.Handle(_state, request, requestId),
            "TerminateInstances" => FakeTerminateInstances.Handle(_state, request, requestId),
            "DescribeSpotPriceHistory" => FakeSpotPriceHistory.Handle(_state, request, requestId),
            _ => throw new Ec2FakeError("InvalidAction", $"The action {request.Action} is not valid for this web service."),
        };
    }

    private static async Task WriteAsync(HttpContext context, int status, XDocument body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(body.Declaration + body.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    [GeneratedRegex(@"Credential=(?<key>[^/]+)/\d{8}/(?<region>[^/]+)/ec2/aws4_request")]
    private static partial Regex SigV4Credential();
}
