using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;

namespace Tuner.Jobs.Display;

/// <summary>
/// A Tuner job's name in the Hangfire dashboard, made from the database when the page is drawn ("Trial 12 of sweep 3
/// 'mnist-mlp'") rather than from the job's arguments alone ("RunAsync(21, null)"). The jobs keep their signatures, so
/// jobs already queued still run and still get a name. <see cref="JobDisplayNameAttribute.DisplayName"/> is what
/// Hangfire shows should <see cref="Format"/> ever throw.
/// </summary>
/// <param name="fallback">The name with no database at all.</param>
[AttributeUsage(AttributeTargets.Method)]
public abstract class TunerJobNameAttribute(string fallback) : JobDisplayNameAttribute(fallback)
{
    public const string Gone = "(no longer in the database)";

    public sealed override string Format(DashboardContext context, Job job) =>
        job.Args.Count > 0 && job.Args[0] is long id ? Describe(JobSubjects.For(context), id) : DisplayName;

    /// <param name="id">The job's first argument: the id of the trial, sweep or schedule it is about.</param>
    private protected abstract string Describe(JobSubjects subjects, long id);
}
