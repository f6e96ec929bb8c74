using Microsoft.AspNetCore.Http.HttpResults;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Reports;

/// <summary><c>GET /reports/{interviewId}?expires=…&amp;sig=…</c>: the full report behind a signed, expiring link.</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<ReportLinks>() is null)
        {
            throw new InvalidOperationException("MapReportEndpoints needs the report services; call AddScreeningBot (or AddReports) first.");
        }

        app.MapGet(ReportLinks.Route, GetReportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> GetReportAsync(
        string interviewId,
        string? expires,
        string? sig,
        ReportLinks links,
        IReportStore reports,
        ITranscriptStore transcripts,
        IDecisionStore decisions,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        PrivateResponse.Protect(context.Response, "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"); // transcripts are personal data

        switch (links.Check(interviewId, expires, sig))
        {
            case LinkCheck.Invalid:
                return TypedResults.NotFound();
            case LinkCheck.Expired:
                return TypedResults.Problem(
                    "This report link has expired. Ask the bot for a fresh one with `report @candidate`.",
                    statusCode: StatusCodes.Status410Gone,
                    title: "Link expired");
        }

        var report = await reports.GetAsync(interviewId, cancellationToken);
        if (report is null)
        {
            // Forgotten (GDPR erasure) or purged by retention since the link was made.
            return TypedResults.NotFound();
        }

        var transcript = await transcripts.ReadAsync(interviewId, cancellationToken);
        var history = await decisions.GetAsync(interviewId, cancellationToken);
        return TypedResults.Content(HtmlReportRenderer.Render(report.Scorecard, transcript, history), "text/html; charset=utf-8");
    }
}
