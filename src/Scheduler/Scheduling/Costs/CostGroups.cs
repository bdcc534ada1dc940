using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// Spending across sweeps over a time range, grouped by a sweep label (<c>label:team</c>), by sweep or by pool. A ledger
/// line that straddles an end of the range counts for the part inside it. Lines with no sweep (a pool's idle time before
/// any sweep used it) and sweeps without the label fall in the group with an empty key.
/// </summary>
public sealed class CostGroups(IDbContextFactory<TunerDbContext> contexts)
{
    public const string BySweep = "sweep";
    public const string ByPool = "pool";
    public const string LabelPrefix = "label:";

    /// <summary>Null when <paramref name="groupBy"/> is none of <c>sweep</c>, <c>pool</c> or <c>label:KEY</c>.</summary>
    public static string? WhyNot(string groupBy) =>
        groupBy is BySweep or ByPool || (groupBy.StartsWith(LabelPrefix, StringComparison.Ordinal) && groupBy.Length > LabelPrefix.Length && groupBy.Length <= 200)
            ? null
            : $"group_by must be sweep, pool or label:KEY (e.g. label:team), got '{groupBy}'";

    public async Task<IReadOnlyList<CostGroup>> GroupAsync(string groupBy, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = groupBy switch
        {
            BySweep => "coalesce(e.sweep_id::text, '')",
            ByPool => "e.pool",
            _ => "coalesce(s.labels_json ->> @label, '')",
        };
        var part = "(extract(epoch FROM (least(e.ends_at, @to) - greatest(e.starts_at, @from))) / nullif(extract(epoch FROM (e.ends_at - e.starts_at)), 0))";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {key} AS key,
                   coalesce(sum(e.usd * coalesce({part}, 1)::numeric), 0)::numeric(18,6) AS usd,
                   coalesce(sum(e.seconds * coalesce({part}, 1)), 0)::float8 AS seconds,
                   count(DISTINCT e.sweep_id)::int AS sweeps
              FROM tuner.cost_entries e LEFT JOIN tuner.sweeps s ON s.id = e.sweep_id
             WHERE e.ends_at > @from AND e.starts_at < @to
             GROUP BY 1 ORDER BY 2 DESC, 1
            """;
        Add(command, "from", from);
        Add(command, "to", to);
        Add(command, "label", groupBy.StartsWith(LabelPrefix, StringComparison.Ordinal) ? groupBy[LabelPrefix.Length..] : "");
        var groups = new List<CostGroup>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            groups.Add(new CostGroup(reader.GetString(0), reader.GetDecimal(1), reader.GetDouble(2), reader.GetInt32(3)));
        }

        return groups;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
