using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// The first steps of every request from Slack, before anything parses it: Slack must be configured, the body is read as
/// raw bytes within <see cref="SlackOptions.MaxBodyBytes"/> (413 beyond it), and its v0 signature and timestamp are
/// verified (401). Once parsed, <see cref="CheckWorkspaceAsync"/> says whether it comes from a workspace and app this bot serves.
/// </summary>
internal sealed class SlackInbound(IOptionsMonitor<SlackOptions> options, SlackBotIdentity identity, TimeProvider time, ILogger<SlackInbound> logger)
{
    /// <summary>Reads and verifies the request; on failure <see cref="VerifiedBody.Problem"/> is the answer to send.</summary>
    public async Task<VerifiedBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        var path = request.Path.Value ?? string.Empty;
        if (!settings.IsConfigured)
        {
            SlackLog.NotConfigured(logger, path);
            return VerifiedBody.Failed(TypedResults.Problem(
                detail: "Slack is not configured on this bot: set Slack__SigningSecret and Slack__BotToken.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Slack is not configured"));
        }

        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            SlackLog.TooLarge(logger, path, settings.MaxBodyBytes);
            return VerifiedBody.Failed(TypedResults.Problem(
                detail: $"The request body is larger than {settings.MaxBodyBytes} bytes (Slack:MaxBodyBytes).",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large"));
        }

        var check = SlackRequestSignature.Verify(
            settings.SigningSecret,
            request.Headers[SlackRequestSignature.TimestampHeader].ToString(),
            request.Headers[SlackRequestSignature.SignatureHeader].ToString(),
            body,
            time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            return new VerifiedBody(body, TypedResults.Problem(
                detail: "The request is not signed by Slack with this app's signing secret, or its timestamp is more than 5 minutes off.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Invalid Slack signature"))
            { SignatureFailure = check };
        }

        return new VerifiedBody(body, null);
    }

    /// <summary>
    /// Whether a verified request comes from a workspace and app this bot serves (<see cref="SlackOptions.TeamIds"/>, or the
    /// bot token's own workspace; <see cref="SlackOptions.AppId"/> when set). A request Slack signed for another workspace
    /// (an app distributed beyond its home) must not reach interviews or recruiter commands.
    /// </summary>
    public async Task<WorkspaceCheck> CheckWorkspaceAsync(HttpRequest request, string? teamId, string? appId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        if (settings.AppId.Length > 0 && !string.Equals(appId, settings.AppId, StringComparison.Ordinal))
        {
            return Foreign(request, teamId, appId);
        }

        if (settings.TeamIds.Count > 0)
        {
            return teamId is not null && settings.TeamIds.Contains(teamId, StringComparer.Ordinal) ? WorkspaceCheck.Served : Foreign(request, teamId, appId);
        }

        if (await identity.GetTeamIdAsync(cancellationToken) is not { } own)
        {
            SlackLog.WorkspaceUnknown(logger, request.Path.Value ?? string.Empty);
            return WorkspaceCheck.Unknown;
        }

        return string.Equals(teamId, own, StringComparison.Ordinal) ? WorkspaceCheck.Served : Foreign(request, teamId, appId);
    }

    public void Rejected(HttpRequest request, SignatureCheck check) => SlackLog.SignatureRejected(logger, request.Path.Value ?? string.Empty, check);

    public IResult Malformed(HttpRequest request, string problem)
    {
        SlackLog.MalformedRequest(logger, request.Path.Value ?? string.Empty, problem);
        return TypedResults.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request");
    }

    /// <summary>Parses a form-encoded body (slash commands, interactions).</summary>
    public static Dictionary<string, StringValues> ParseForm(byte[] body) => QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    private WorkspaceCheck Foreign(HttpRequest request, string? teamId, string? appId)
    {
        SlackLog.ForeignWorkspace(logger, request.Path.Value ?? string.Empty, Short(teamId), Short(appId));
        return WorkspaceCheck.Foreign;
    }

    private static string Short(string? value) => value is null ? "none" : value.Length <= 40 ? value : value[..40];
}

/// <summary>The raw body of a Slack request and, when it must be refused, the answer to send instead.</summary>
internal sealed record VerifiedBody(byte[] Body, IResult? Problem)
{
    /// <summary>Why the signature check failed (a request that fails only this may still be an unsigned <c>ssl_check</c>).</summary>
    public SignatureCheck SignatureFailure { get; init; } = SignatureCheck.Valid;

    public static VerifiedBody Failed(IResult problem) => new([], problem);
}
