using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Reports;

/// <summary>Links to the full report from scorecards (section <c>Reports</c>). Without a base URL, scorecards carry no link.</summary>
internal sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>The bot's public https address, e.g. <c>https://screeningbot.azurewebsites.net</c>; empty = no report links.</summary>
    /// <remarks>Checked by <see cref="ReportOptionsValidator"/> (not <c>[Url]</c>, which would reject the empty default).</remarks>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Secret that signs report links (at least 32 characters; from Key Vault or an environment variable, never committed).
    /// Every instance behind a load balancer needs the same key, so it cannot be generated at start-up.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// How long a link works. Thirty days covers a hiring round; after that a recruiter asks for a fresh one with
    /// <c>report @candidate</c>, so an old link forwarded out of the team stops exposing a transcript.
    /// </summary>
    [Range(1, 365)]
    public int LinkDays { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);
}
