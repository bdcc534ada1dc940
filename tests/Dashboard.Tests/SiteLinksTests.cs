using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Tuner.Jobs;
using Tuner.Jobs.Display;
using Tuner.TestSupport.Postgres;

namespace Tuner.Dashboard.Tests;

/// <summary>The dashboard's ways back to Tuner's pages: the menu, "Back to site", and a trial job's link to its trial.</summary>
public sealed partial class SiteLinksTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Menu_HasOneSweepsEntry_AndBackToSite_LeadingToSweeps_EvenWithTwoAppsInTheProcess()
    {
        await using var first = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("links"));
        await using var second = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("links"));

        var page = await second.PageAsync("");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(SweepsMenuEntry().Matches(page.Text), m => m.Groups["href"].Value == "/sweeps");
        Assert.Equal("/sweeps", BackToSite().Match(page.Text).Groups["href"].Value);
    }

    [Fact]
    public async Task TrialJobDetails_LinkOnceToTheTrialsPage()
    {
        var database = await postgres.CreateDatabaseAsync("links");
        var rows = await TunerRows.MigrateAsync(database);
        var sweep = await rows.AddSweepAsync("mnist-mlp");
        var trial = await rows.AddTrialAsync(sweep, number: 12);
        await using var other = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("links"));
        await using var app = await DashboardApp.StartAsync(database);
        var jobId = app.Jobs.Enqueue<TrialJob>(sweep.Pool, job => job.RunAsync(trial.Id, CancellationToken.None));

        var page = await app.PageAsync($"jobs/details/{jobId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = Assert.Single(TrialLink().Matches(page.Text));
        Assert.Equal($"/sweeps/{sweep.Id}/trials/12", link.Groups["href"].Value);
        Assert.Equal($"Trial 12 of sweep {sweep.Id} 'mnist-mlp'", link.Groups["text"].Value);
    }

    [Fact]
    public async Task Links_KeepThePathBase_TheAppRunsUnder()
    {
        var database = await postgres.CreateDatabaseAsync("links");
        var rows = await TunerRows.MigrateAsync(database);
        var sweep = await rows.AddSweepAsync("mnist-mlp");
        var trial = await rows.AddTrialAsync(sweep, number: 4);
        await using var app = await DashboardApp.StartAsync(database, pathBase: "/tuner");
        var jobId = app.Jobs.Enqueue<TrialJob>(sweep.Pool, job => job.RunAsync(trial.Id, CancellationToken.None));

        var page = await app.PageAsync($"jobs/details/{jobId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(SweepsMenuEntry().Matches(page.Text), m => m.Groups["href"].Value == "/tuner/sweeps");
        Assert.Equal("/tuner/sweeps", BackToSite().Match(page.Text).Groups["href"].Value);
        Assert.Equal($"/tuner/sweeps/{sweep.Id}/trials/4", TrialLink().Match(page.Text).Groups["href"].Value);
        Assert.Contains($"href=\"/tuner{TunerDashboard.HangfirePath}/jobs/enqueued\"", page.Text);
    }

    [Fact]
    public async Task TrialLink_EncodesWhatItShows()
    {
        var database = await postgres.CreateDatabaseAsync("links");
        var rows = await TunerRows.MigrateAsync(database);
        var sweep = await rows.AddSweepAsync("<b>bold</b> & \"quoted\"");
        var trial = await rows.AddTrialAsync(sweep, number: 0);
        await using var app = await DashboardApp.StartAsync(database);
        var jobId = app.Jobs.Enqueue<TrialJob>(sweep.Pool, job => job.RunAsync(trial.Id, CancellationToken.None));

        var page = await app.PageAsync($"jobs/details/{jobId}");

        Assert.DoesNotContain("<b>bold</b>", page.Html);
        Assert.Equal($"Trial 0 of sweep {sweep.Id} '<b>bold</b> & \"quoted\"'", TrialLink().Match(page.Text).Groups["text"].Value);
    }

    [Fact]
    public async Task DeletedTrialsJob_SaysSoInsteadOfALink()
    {
        var database = await postgres.CreateDatabaseAsync("links");
        var rows = await TunerRows.MigrateAsync(database);
        var sweep = await rows.AddSweepAsync("mnist-mlp");
        var trial = await rows.AddTrialAsync(sweep, number: 1);
        await using var app = await DashboardApp.StartAsync(database);
        var jobId = app.Jobs.Enqueue<TrialJob>(sweep.Pool, job => job.RunAsync(trial.Id, CancellationToken.None));
        await rows.DeleteTrialAsync(trial);

        var page = await app.PageAsync($"jobs/details/{jobId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Trial #{trial.Id} is no longer in the database; it has no page.", page.Text);
        Assert.Empty(TrialLink().Matches(page.Text));
    }

    /// <summary>The menu's "Sweeps" entry: Hangfire draws each entry as an anchor around its text.</summary>
    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\">\\s*Sweeps\\s*</a>")]
    private static partial Regex SweepsMenuEntry();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\">\\s*<span class=\"glyphicon glyphicon-log-out\">")]
    private static partial Regex BackToSite();

    [GeneratedRegex("<h3 id=\"tuner-trial-page\">" + TrialPageLink.Heading + "</h3><p><a href=\"(?<href>[^\"]*)\">(?<text>.*?)</a></p>")]
    private static partial Regex TrialLink();
}
