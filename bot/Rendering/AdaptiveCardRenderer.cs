using System.Globalization;
using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// Renders a <see cref="Scorecard"/> as an Adaptive Card (schema 1.5, the newest Teams renders). Long content
/// is trimmed so the card stays far below Teams' ~100 KB message limit: at most a handful of items per list
/// and 300 characters per text. Prompt cards (a question's buttons) are in <c>AdaptiveCardRenderer.Prompt.cs</c>.
/// </summary>
internal static partial class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    /// <summary>Longest text block; cards with whole answers in them are unreadable and risk the size limit.</summary>
    public const int MaxTextLength = 300;

    private const int MaxItems = 6;

    public static JsonObject Render(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Container",
                ["style"] = Style(scorecard.Recommendation),
                ["bleed"] = true,
                ["items"] = new JsonArray
                {
                    Text($"{scorecard.Recommendation.ToDisplay()} · {scorecard.CompositeScore}/100", size: "ExtraLarge", weight: "Bolder"),
                    Text($"{scorecard.CandidateName}: {scorecard.ProfileTitle}", size: "Medium", weight: "Bolder"),
                    Text(scorecard.Summary, wrap: true),
                },
            },
            Facts(
                ("Recommendation", scorecard.Recommendation.ToDisplay()),
                ("Score", $"{scorecard.CompositeScore}/100" + (scorecard.PreferredSkillBonus > 0 ? $" (incl. +{scorecard.PreferredSkillBonus} bonus)" : string.Empty)),
                ("Confidence", scorecard.Confidence.ToString("0.00", CultureInfo.InvariantCulture)),
                ("Answered", $"{scorecard.CoveragePercent}%"),
                ("Outcome", ReportText.Outcome(scorecard.Outcome)),
                ("Judged by", scorecard.JudgeDescription)),
        };

        AddIntegrity(body, scorecard);
        if (scorecard.Knockouts.Count > 0)
        {
            body.Add(Heading("Knockouts"));
            body.Add(Facts([.. scorecard.Knockouts.Take(MaxItems).Select(k => ((k.Passed ? "✅ " : "❌ ") + Trim(k.Question, 60), k.Answer))]));
        }

        if (scorecard.Dimensions.Count > 0)
        {
            body.Add(Heading("Rubric"));
            body.Add(Facts([.. scorecard.Dimensions.Select(d => ($"{d.Name} ({d.Weight}%)", $"{ReportText.Score(d.Score)}/10"))]));
        }

        if (scorecard.RequiredSkills.Count > 0)
        {
            body.Add(Heading("Required skills"));
            body.Add(Facts([.. scorecard.RequiredSkills.Take(MaxItems + 1).Select(s => (s.Name, $"{ReportText.Score(s.Score)}/10"))]));
        }

        if (scorecard.Competencies.Count > 0)
        {
            body.Add(Heading("Competencies"));
            body.Add(Facts([.. scorecard.Competencies.Take(MaxItems).Select(c => ((c.Passed ? "✅ " : "⚠️ ") + Trim(c.Statement, 80), c.Passed ? "evidenced" : "no evidence"))]));
        }

        if (scorecard.Language is { } language)
        {
            body.Add(Heading("Language"));
            body.Add(Facts((language.Language, $"{language.Headline} ({language.SourceLabel})")));
        }

        AddList(body, "Strengths", scorecard.Strengths);
        AddList(body, "Risks", scorecard.Risks);
        if (scorecard.NotableQuotes.Count > 0)
        {
            body.Add(Heading("In their words"));
            foreach (var quote in scorecard.NotableQuotes.Take(3))
            {
                body.Add(Text($"“{Trim(quote.Text, MaxTextLength)}”", wrap: true, italic: true, subtle: true));
            }
        }

        if (scorecard.Rationale is { Length: > 0 } rationale)
        {
            body.Add(Heading("Why"));
            body.Add(Text(Trim(rationale, MaxTextLength * 2), wrap: true));
        }

        body.Add(Heading("Suggested next step"));
        body.Add(Text(scorecard.SuggestedNextStep, wrap: true));

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = SchemaVersion,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (scorecard.ReportUrl is { } url)
        {
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open full report", ["url"] = url } };
        }

        return card;
    }

    /// <summary>One line, in the attention colour, when an answer was flagged for gaming the judgment (the report lists them).</summary>
    private static void AddIntegrity(JsonArray body, Scorecard scorecard)
    {
        if (scorecard.IntegrityLine() is { } line)
        {
            var block = Text("⚠️ Integrity: " + Trim(line, MaxTextLength), weight: "Bolder", wrap: true);
            block["color"] = "Attention";
            body.Add(block);
        }
    }

    private static void AddList(JsonArray body, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        body.Add(Heading(heading));
        body.Add(Text(string.Join("\n", items.Take(MaxItems).Select(i => "- " + Trim(i, 160))), wrap: true));
    }

    private static string Style(Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongYes or Recommendation.Yes => "good",
        Recommendation.Maybe => "warning",
        _ => "attention",
    };

    private static JsonObject Heading(string text) => Text(text, weight: "Bolder", separator: true);

    private static JsonObject Text(string text, string? size = null, string? weight = null, bool wrap = false, bool italic = false, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = Trim(text, 1_000) };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (wrap)
        {
            block["wrap"] = true;
        }

        if (italic)
        {
            block["italic"] = true;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        return block;
    }

    private static JsonObject Facts(params (string Title, string Value)[] facts)
    {
        var array = new JsonArray();
        foreach (var (title, value) in facts)
        {
            array.Add(new JsonObject { ["title"] = Trim(title, 100), ["value"] = Trim(value, MaxTextLength) });
        }

        return new JsonObject { ["type"] = "FactSet", ["facts"] = array };
    }

    private static string Trim(string text, int max) => ReportText.Trim(text, max);
}
