using System.Globalization;
using System.Xml.Linq;
using static Tuner.Scheduler.Tests.Capacity.Aws.Fake.Ec2Xml;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>
/// DescribeInstances by InstanceId.N or by filters (tag:KEY, instance-state-name, instance-id), paginated by
/// MaxResults (5-1000, not with instance ids) and NextToken, at most <see cref="Ec2FakeState.MaxPageSize"/> a page.
/// </summary>
internal static class FakeDescribeInstances
{
    public static XElement Handle(Ec2FakeState state, Ec2FakeRequest request, string requestId)
    {
        var ids = request.Values("InstanceId");
        var maxResults = request["MaxResults"] is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : (int?)null;
        if (maxResults is not null && ids.Count > 0)
            throw new Ec2FakeError("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        if (maxResults is < 5 or > 1000)
            throw new Ec2FakeError("InvalidParameterValue", $"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");

        IEnumerable<Ec2FakeInstance> matches = ids.Count > 0 ? ids.Select(state.Find).ToList() : state.Instances;
        for (var f = 1; f <= request.Count("Filter"); f++)
        {
            var name = request[$"Filter.{f}.Name"]!;
            var values = request.Values($"Filter.{f}.Value");
            matches = matches.Where(Filter(name, values)).ToList();
        }

        var start = request["NextToken"] is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var size = Math.Min(maxResults ?? 1000, state.MaxPageSize);
        var all = matches.ToList();
        var page = all.Skip(start).Take(size).ToList();
        var next = start + size < all.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
        return Response("DescribeInstances", requestId,
            Items("reservationSet", page.Select(instance => new[]
            {
                E("reservationId", instance.ReservationId),
                E("ownerId", "123456789012"),
                E("groupSet"),
                Items("instancesSet", [Instance(instance)]),
            })),
            next is null ? null : E("nextToken", next));
    }

    private static Func<Ec2FakeInstance, bool> Filter(string name, IReadOnlyList<string> values) => name switch
    {
        "instance-state-name" => instance => values.Contains(instance.State),
        "instance-id" => instance => values.Contains(instance.InstanceId),
        _ when name.StartsWith("tag:", StringComparison.Ordinal) =>
            instance => instance.Tags.TryGetValue(name[4..], out var value) && values.Contains(value),
        _ => throw new Ec2FakeError("InvalidParameterValue", $"The filter '{name}' is invalid"),
    };
}
