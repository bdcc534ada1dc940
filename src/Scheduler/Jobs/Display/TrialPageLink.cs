using System.Globalization;
using System.Text.Encodings.Web;
using Hangfire;
using Hangfire.Dashboard;

namespace Tuner.Jobs.Display;

/// <summary>
/// On a trial job's details page, a link to the trial's page, <c>/sweeps/{sweepId}/trials/{number}</c>. Tuner's
/// dashboard sets <see cref="DashboardOptions.AppPath"/> ("Back to site") to its sweeps page with the request's
/// PathBase, so the trial's page is found under it; a dashboard without one gets no link.
/// </summary>
public static class TrialPageLink
{
    public const string Heading = "Trial page";

    private const int Order = 10;
    private static int _registered;

    /// <summary>Hangfire keeps job details renderers in one static list for the whole process, so the link is added
    /// once however many hosts configure Hangfire (the tests start several in one process).</summary>
    public static IGlobalConfiguration Register(IGlobalConfiguration configuration)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            configuration.UseJobDetailsRenderer(Order, Render);
        }

        return configuration;
    }

    private static NonEscapedString Render(JobDetailsRendererDto details)
    {
        var job = details.JobDetails.Job;
        if (job?.Type != typeof(TrialJob) || job.Args.Count == 0 || job.Args[0] is not long trialId
            || details.Page.AppPath is not { } sweeps)
        {
            return new NonEscapedString(string.Empty);
        }

        var html = HtmlEncoder.Default;
        if (!JobSubjects.For(details.Page.Context).TryTrial(trialId, out var trial))
        {
            return Section(html.Encode(string.Create(CultureInfo.InvariantCulture,
                $"Trial #{trialId}: its page is unavailable while the database cannot be read.")));
        }

        if (trial is null)
        {
            return Section(html.Encode(string.Create(CultureInfo.InvariantCulture,
                $"Trial #{trialId} is no longer in the database; it has no page.")));
        }

        var href = string.Create(CultureInfo.InvariantCulture, $"{sweeps.TrimEnd('/')}/{trial.SweepId}/trials/{trial.Number}");
        return Section($"<a href=\"{html.Encode(href)}\">{html.Encode(TrialJobNameAttribute.Name(trial))}</a>");
    }

    private static NonEscapedString Section(string content) =>
        new($"<h3 id=\"tuner-trial-page\">{Heading}</h3><p>{content}</p>");
}
