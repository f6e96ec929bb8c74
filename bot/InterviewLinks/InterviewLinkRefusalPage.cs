using System.Net;
using System.Text;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>The plain page for a link that does not open an interview: a title and a sentence, no script, nothing from the request.</summary>
internal static class InterviewLinkRefusalPage
{
    public static IResult Result(LinkRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var title = WebUtility.HtmlEncode(refusal.Title);
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex, nofollow">
              <title>{title}</title>
              <link rel="stylesheet" href="/interview/assets/interview.css">
            </head>
            <body class="plain">
              <main class="plain-card">
                <h1>{title}</h1>
                <p>{WebUtility.HtmlEncode(refusal.Detail)}</p>
              </main>
            </body>
            </html>
            """;
        return TypedResults.Text(html, "text/html; charset=utf-8", Encoding.UTF8, refusal.StatusCode);
    }
}
