using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The interview page (Page/interview.html) in an interview's language: each <c>{{key}}</c> becomes the message
/// <c>page.{key}</c> of dialogs/Localization/Texts/{language}.json, HTML-encoded; <c>{{lang}}</c> the language tag, and
/// <c>{{texts}}</c> every <c>page.*</c> message as JSON for the page's script (escaped so it can never end its script
/// element). Rendered once per language.
/// </summary>
internal static partial class InterviewLinkPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<string, byte[]> Rendered = new(StringComparer.Ordinal);

    /// <summary>The page's bytes in <paramref name="language"/>.</summary>
    public static byte[] For(CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Rendered.GetOrAdd(language.Tag, static (_, l) => Encoding.UTF8.GetBytes(Render(l)), language);
    }

    /// <summary>The page's HTML in <paramref name="language"/>; throws naming the file and key when a message is missing.</summary>
    internal static string Render(CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var texts = language.Texts.Page;
        return Placeholder().Replace(Encoding.UTF8.GetString(InterviewLinkAssets.Page), match => match.Groups[1].Value switch
        {
            "lang" => language.Tag,
            "texts" => Json(texts),
            var key => texts.TryGetValue(key, out var text)
                ? Html.Encode(text)
                : throw new InvalidOperationException($"bot/InterviewLinks/Page/interview.html uses {{{{{key}}}}}, but dialogs/Localization/Texts/{language.Tag}.json has no message \"page.{key}\"; add it to every language."),
        });
    }

    private static string Json(IReadOnlyDictionary<string, string> texts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            writer.WriteStartObject();
            foreach (var (key, text) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, text);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex(@"\{\{([A-Za-z]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
