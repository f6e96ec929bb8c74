using Microsoft.AspNetCore.Http.HttpResults;
using ScreeningBot.Bot.Reports;

namespace ScreeningBot.Bot.Decisions;

/// <summary><c>GET /exports/screens/{profileId}?…&amp;sig=…</c>: the recruiter command's export as a file, behind a signed link that expires within the hour.</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<ExportLinks>() is null)
        {
            throw new InvalidOperationException("MapExportEndpoints needs the export services; call AddScreeningBot first.");
        }

        app.MapGet(ExportLinks.Route, GetExportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetExportAsync(
        string profileId,
        string? since,
        string? format,
        string? expires,
        string? sig,
        ExportLinks links,
        ScreenExporter exporter,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        // Candidates' names and outcomes: never cached, never sent on as a referrer.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        switch (links.Check(profileId, since, format, expires, sig))
        {
            case LinkCheck.Invalid:
                return TypedResults.NotFound();
            case LinkCheck.Expired:
                return TypedResults.Problem("This export link has expired. Ask the bot again with `export profile-id`.", statusCode: StatusCodes.Status410Gone, title: "Link expired");
        }

        var exportFormat = format == "json" ? ExportFormat.Json : ExportFormat.Csv;
        var rows = await exporter.RowsAsync(profileId, ExportCommand.ParseSince(since), cancellationToken);
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            await ScreenExporter.WriteAsync(writer, rows, exportFormat, cancellationToken);
        }

        var extension = exportFormat == ExportFormat.Json ? "json" : "csv";
        var contentType = exportFormat == ExportFormat.Json ? "application/json" : "text/csv; charset=utf-8";
        return TypedResults.File(buffer.ToArray(), contentType, $"screens-{profileId}.{extension}");
    }
}
