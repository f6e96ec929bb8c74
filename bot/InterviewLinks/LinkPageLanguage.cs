using Microsoft.AspNetCore.Http.Headers;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The language of a page that belongs to no interview (a broken, unknown or expired link): the browser's first acceptable
/// <c>Accept-Language</c> tag that dialogs/Localization/Texts/ ships, by quality, else English.
/// </summary>
internal static class LinkPageLanguage
{
    /// <summary>Tags looked at; a real browser sends a handful, and nothing past this changes the answer in practice.</summary>
    public const int MaxTags = 16;

    public static CandidateLanguage Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Parsed leniently: a malformed entry is skipped, not thrown.
        var preferred = new RequestHeaders(request.Headers).AcceptLanguage
            .Take(MaxTags)
            .Where(t => t.Quality is not <= 0 && t.Value.HasValue && t.Value.Value != "*")
            .OrderByDescending(t => t.Quality ?? 1);
        foreach (var tag in preferred)
        {
            if (CandidateLanguages.TryResolve(tag.Value.Value, out var language))
            {
                return language;
            }
        }

        return CandidateLanguages.English;
    }
}
