using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ScreeningBot.Bot.Health;

/// <summary>The bodies of <c>/healthz</c> and <c>/healthz/ready</c>: status and each check's short description, never an exception.</summary>
internal static class HealthResponses
{
    /// <summary>Liveness: the process serves HTTP. The body is the one <c>/healthz</c> always had.</summary>
    public static Task WriteLivenessAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync("""{"status":"ok"}""", context.RequestAborted);
    }

    /// <summary>Readiness: <c>{"status":"Healthy|Degraded|Unhealthy","checks":{"storage":{"status":…,"description":…,"durationMs":…}}}</c>.</summary>
    public static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? (entry.Exception is null ? null : "the check failed; see the bot's log"));
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
