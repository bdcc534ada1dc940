using System.Net;

namespace Tuner.Dashboard.Tests;

/// <summary>A page as the dashboard answered it: <see cref="Html"/> as sent, <see cref="Text"/> with entities decoded.</summary>
public sealed record DashboardPage(HttpStatusCode Status, string Html)
{
    public string Text { get; } = WebUtility.HtmlDecode(Html);
}
