using System.Text;
using System.Web;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>
/// A stand-in for EC2's query API that keeps what `tuner server` asks of it: it knows no instances and no spot prices,
/// and refuses every launch for lack of capacity, so a cloud sweep's launch requests (their user-data, the worker's
/// start-up script) are recorded without any machine starting.
/// </summary>
public sealed class Ec2LaunchRecorder : IDisposable
{
    private const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private readonly RecordingServer server = new(Answer);

    public Uri Url => server.Url;

    /// <summary>Every request's form fields, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests =>
        server.Received.Select(r => Form(r.Body)).ToList();

    /// <summary>The decoded user-data of every launch asked for (RunInstances' UserData, a launch template's data).</summary>
    public IReadOnlyList<string> UserData => Requests
        .SelectMany(form => form.Where(pair => pair.Key.EndsWith("UserData", StringComparison.Ordinal)).Select(pair => pair.Value))
        .Select(encoded => Encoding.UTF8.GetString(Convert.FromBase64String(encoded)))
        .ToList();

    /// <summary>What the requests carried, but for their user-data (read by <see cref="UserData"/>) and the signature.</summary>
    public IReadOnlyList<string> RequestTexts => Requests
        .Select(form => string.Join('&', form.Where(pair => !pair.Key.EndsWith("UserData", StringComparison.Ordinal))
            .Select(pair => $"{pair.Key}={pair.Value}")))
        .ToList();

    private static Dictionary<string, string> Form(string body)
    {
        var fields = HttpUtility.ParseQueryString(body);
        return fields.AllKeys.OfType<string>().ToDictionary(k => k, k => fields[k] ?? "", StringComparer.Ordinal);
    }

    private static RecordedAnswer Answer(RecordedRequest request)
    {
        var action = Form(request.Body).GetValueOrDefault("Action", "");
        return action switch
        {
            "DescribeInstances" => Xml(200, $"<DescribeInstancesResponse xmlns=\"{Namespace}\"><requestId>r</requestId><reservationSet/></DescribeInstancesResponse>"),
            "DescribeSpotPriceHistory" => Xml(200, $"<DescribeSpotPriceHistoryResponse xmlns=\"{Namespace}\"><requestId>r</requestId><spotPriceHistorySet/><nextToken/></DescribeSpotPriceHistoryResponse>"),
            _ => Xml(500, "<Response><Errors><Error><Code>InsufficientInstanceCapacity</Code><Message>There is no capacity (a test's stand-in for EC2).</Message></Error></Errors><RequestID>r</RequestID></Response>"),
        };
    }

    private static RecordedAnswer Xml(int status, string body) => new(status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);

    public void Dispose() => server.Dispose();
}
