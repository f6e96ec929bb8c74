using System.Net;
using System.Text;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The plain page for a link that does not open an interview: a title and a sentence in the browser's language
/// (the <c>page.link*</c> messages of dialogs/Localization/Texts/, as the live page's script uses), no script, nothing from the request.
/// </summary>
internal static class InterviewLinkRefusalPage
{
    public static IResult Result(LinkRefusal refusal, CandidateLanguage language)
    {
        var (tag, title, detail) = Texts(refusal, language);
        var html = $"""
            <!doctype html>
            <html lang="{tag}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex, nofollow">
              <title>{WebUtility.HtmlEncode(title)}</title>
              <link rel="stylesheet" href="/interview/assets/interview.css">
            </head>
            <body class="plain">
              <main class="plain-card">
                <h1>{WebUtility.HtmlEncode(title)}</h1>
                <p>{WebUtility.HtmlEncode(detail)}</p>
              </main>
            </body>
            </html>
            """;
        return TypedResults.Text(html, "text/html; charset=utf-8", Encoding.UTF8, refusal.StatusCode);
    }

    /// <summary>The refusal in <paramref name="language"/>; a reason with no page message keeps the refusal's English.</summary>
    internal static (string Tag, string Title, string Detail) Texts(LinkRefusal refusal, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(language);
        var key = refusal.Reason switch
        {
            "invalid" => "linkInvalid",
            "expired" => "linkExpired",
            "closed" => "linkClosed",
            "unavailable" => "linkUnavailable",
            _ => null,
        };
        var page = language.Texts.Page;
        return key is not null && page.TryGetValue(key + "Title", out var title) && page.TryGetValue(key, out var detail)
            ? (language.Tag, title.TrimEnd('.'), detail)
            : ("en", refusal.Title, refusal.Detail);
    }
}
