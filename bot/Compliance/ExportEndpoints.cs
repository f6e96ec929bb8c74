using Microsoft.AspNetCore.Http.HttpResults;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Dialogs.Compliance;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// <c>GET /exports/{token}?expires=…&amp;sig=…</c>: a candidate's data as a JSON download, behind the signed one-hour link
/// that <c>export-candidate</c> hands a recruiter. Built when it is downloaded, so it is current, and audited then as the
/// export of the recruiter who asked. Self-identification is left out, as in every recruiter's view.
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<CandidateRightsService>() is null)
        {
            throw new InvalidOperationException("MapExportEndpoints needs the candidate-rights services; call AddScreeningBot (or AddCandidateRights) first.");
        }

        app.MapGet(BotRoutes.Export, GetExportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetExportAsync(
        string token,
        string? expires,
        string? sig,
        ReportLinks links,
        CandidateRightsService rights,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        PrivateResponse.Protect(context.Response, "default-src 'none'; frame-ancestors 'none'"); // a candidate's whole record

        var (check, candidateId, issuer) = links.CheckExport(token, expires, sig);
        switch (check)
        {
            case LinkCheck.Invalid:
                return TypedResults.NotFound();
            case LinkCheck.Expired:
                return TypedResults.Problem(
                    "This export link has expired (they work for an hour). Ask the bot for a fresh one with `export-candidate @candidate`.",
                    statusCode: StatusCodes.Status410Gone,
                    title: "Link expired");
        }

        var export = await rights.ExportAsync(candidateId!, issuer + " (download link)", includeSelfIdentification: false, cancellationToken);
        if (export.Interviews.Count == 0 && export.PostedMessages.Count == 0)
        {
            // Forgotten since the link was made.
            return TypedResults.NotFound();
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CandidateExporter.ToJson(export)), "application/json; charset=utf-8", "candidate-export.json");
    }
}
