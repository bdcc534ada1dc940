using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Tuner.Persistence.Access;

/// <summary>
/// The worker role's name for one database: <c>tuner_worker_</c> and the database's name. Roles belong to the whole
/// PostgreSQL server, so one fixed name would have two Tuner databases on one server share a role, each start of either
/// server resetting the other's grants, and a worker of one able to sign in to the other.
/// </summary>
public static partial class WorkerRoleName
{
    private const string Prefix = "tuner_worker_";
    private const int MaxIdentifierBytes = 63;

    public static string For(string database)
    {
        var name = Prefix + database;
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes && Plain().IsMatch(database)) return name;
        // A long or unusual database name: a digest keeps the name unique, a plain identifier, and under PostgreSQL's limit.
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..24];
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex Plain();
}
