using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// Renders a <see cref="Scorecard"/> as an Adaptive Card (schema 1.5, the newest Teams renders): a completed screen as the
/// full scorecard, every other outcome (and a "not screened" notice) as the short not-scored card (<see cref="RenderNotScored"/>)
/// without a score grid.
/// Every string that comes from a candidate (and from a profile or a model) is inert Markdown
/// (<see cref="ReportText.InertMarkdown"/>), since TextBlocks render Markdown links. Questions and competency statements
/// wrap instead of being cut; only lists are capped so the card stays far below Teams' ~100 KB message limit. Buttons are
/// added in one place, <see cref="Card"/>. Prompt cards (a question's buttons) are in <c>AdaptiveCardRenderer.Prompt.cs</c>.
/// </summary>
internal static partial class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    /// <summary>Longest candidate text in one block; cards with whole answers in them are unreadable and risk the size limit.</summary>
    public const int MaxTextLength = 300;

    private const int MaxItems = 6;

    public static JsonObject Render(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        if (!ReportText.IsScored(scorecard))
        {
            return RenderNotScored(NotScoredOutcome.From(scorecard));
        }

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
                    Text($"{Inert(scorecard.CandidateName, 100)}: {Inert(scorecard.ProfileTitle, 100)}", size: "Medium", weight: "Bolder", wrap: true),
                    Text(Inert(scorecard.Summary, MaxTextLength * 2), wrap: true),
                },
            },
            Facts(
                ("Recommendation", scorecard.Recommendation.ToDisplay()),
                ("Score", $"{scorecard.CompositeScore}/100" + (scorecard.PreferredSkillBonus > 0 ? $" (+{scorecard.PreferredSkillBonus} bonus)" : string.Empty)),
                ("Confidence", ReportText.Percent(scorecard.Confidence)),
                ("Outcome", ReportText.Outcome(scorecard.Outcome)),
                ("Judged by", Inert(scorecard.JudgeDescription, MaxTextLength))),
            Text(Inert(ReportText.ScoreExplanation(scorecard), MaxTextLength * 2), wrap: true, subtle: true),
        };

        AddIntegrity(body, scorecard);
        body.Add(Heading("Coverage"));
        body.Add(Facts([.. ReportText.Coverage(scorecard).Select(r => (r.Label, Inert(r.Value, 100)))]));
        if (ReportText.Gaps(scorecard) is { } gaps)
        {
            body.Add(Text("Gaps: " + Inert(gaps, MaxTextLength * 2), wrap: true, subtle: true));
        }

        AddKnockouts(body, scorecard.Knockouts);
        if (scorecard.Dimensions.Count > 0)
        {
            body.Add(Heading("Rubric"));
            body.Add(Facts([.. scorecard.Dimensions.Select(d => ($"{Inert(d.Name, 80)} ({d.Weight}%)", $"{ReportText.Score(d.Score)}/10"))]));
        }

        if (scorecard.RequiredSkills.Count > 0)
        {
            body.Add(Heading("Required skills"));
            body.Add(Facts([.. scorecard.RequiredSkills.Take(MaxItems + 1).Select(s => (Inert(s.Name, 80), $"{ReportText.Score(s.Score)}/10"))]));
        }

        if (scorecard.Competencies.Count > 0)
        {
            body.Add(Heading("Competencies"));
            body.Add(Facts([.. scorecard.Competencies.Take(MaxItems).Select(c => ($"{ReportText.LevelIcon(c)} {ReportText.Level(c)}", Inert(c.Statement, MaxTextLength)))]));
            body.Add(Text(CompetencyLevels.Legend, wrap: true, subtle: true));
        }

        if (scorecard.Language is { } language)
        {
            body.Add(Heading("Language"));
            body.Add(Facts((Inert(language.Language, 40), Inert($"{language.Headline} ({language.SourceLabel})", MaxTextLength))));
        }

        if (scorecard.RedFlags.Count > 0)
        {
            body.Add(Heading("Red flags"));
            foreach (var flag in scorecard.RedFlags.Take(MaxItems))
            {
                var line = Text("🚩 " + ReportText.RedFlag(flag, t => Inert(t, MaxTextLength)), wrap: true);
                line["spacing"] = "Small";
                body.Add(line);
            }
        }

        AddList(body, "Strengths", scorecard.Strengths);
        AddList(body, "Risks", scorecard.Risks);
        if (scorecard.NotableQuotes.Count > 0)
        {
            body.Add(Heading("In their words"));
            foreach (var quote in scorecard.NotableQuotes.Take(3))
            {
                body.Add(Text($"“{Inert(quote.Text, MaxTextLength)}”", wrap: true, subtle: true));
            }
        }

        if (scorecard.Rationale is { Length: > 0 } rationale)
        {
            body.Add(Heading("Why"));
            body.Add(Text(Inert(rationale, MaxTextLength * 2), wrap: true));
        }

        body.Add(Heading("Suggested next step"));
        body.Add(Text(Inert(scorecard.SuggestedNextStep, MaxTextLength * 2), wrap: true));
        return Card(body, scorecard.ReportUrl, fullWidth: true);
    }

    /// <summary>
    /// The short card of a screen without a score (<see cref="NotScoredOutcome"/>: a failed knockout, a decline, a request for
    /// a person, a withdrawal, an expiry, a cancellation, a changed profile): what happened in one line, the next step, who,
    /// which role, "Score: none", the outcome and when; for a knockout the question and the candidate's answer in full.
    /// </summary>
    public static JsonObject RenderNotScored(NotScoredOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var body = new JsonArray
        {
            Text(Inert(outcome.Headline, 200), size: "Medium", weight: "Bolder", wrap: true),
            Text(Inert(outcome.NextStep, MaxTextLength * 2), wrap: true),
            Facts(
                ("Candidate", Inert(outcome.CandidateName, 100)),
                ("Role", Inert(outcome.ProfileTitle, 100)),
                ("Score", "none: " + outcome.Why),
                ("Outcome", ReportText.Outcome(outcome.Outcome)),
                ("When", ReportText.When(outcome.At))),
        };
        AddKnockouts(body, outcome.FailedKnockouts);
        return Card(body, outcome.ReportUrl, fullWidth: false);
    }

    /// <summary>The card around a body, with its buttons: every button the bot puts on a scorecard is added here.</summary>
    private static JsonObject Card(JsonArray body, string? reportUrl, bool fullWidth)
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = SchemaVersion,
        };
        if (fullWidth)
        {
            // Teams' host extension (not part of the Adaptive Card schema): use the chat's whole width.
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        card["body"] = body;
        var actions = new JsonArray();
        if (reportUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open full report", ["url"] = url });
        }

        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return card;
    }

    /// <summary>Each knockout's whole question, and the answer in the words the candidate chose.</summary>
    private static void AddKnockouts(JsonArray body, IReadOnlyList<KnockoutLine> knockouts)
    {
        if (knockouts.Count == 0)
        {
            return;
        }

        body.Add(Heading("Knockouts"));
        foreach (var k in knockouts.Take(MaxItems))
        {
            body.Add(Text($"{(k.Passed ? "✅" : "❌")} {Inert(k.Question, MaxTextLength)}", wrap: true));
            var answer = Text($"Answer: {Inert(k.Answer, MaxTextLength)}", wrap: true, subtle: true);
            answer["spacing"] = "None";
            body.Add(answer);
        }
    }

    /// <summary>One line, in the attention colour, when an answer was flagged for gaming the judgment (the report lists them).</summary>
    private static void AddIntegrity(JsonArray body, Scorecard scorecard)
    {
        if (scorecard.IntegrityLine() is { } line)
        {
            var block = Text("⚠️ Integrity: " + Inert(line, MaxTextLength), weight: "Bolder", wrap: true);
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
        foreach (var item in items.Take(MaxItems))
        {
            var line = Text("- " + Inert(item, MaxTextLength + 150), wrap: true);
            line["spacing"] = "Small";
            body.Add(line);
        }
    }

    private static string Style(Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongYes or Recommendation.Yes => "good",
        Recommendation.Maybe => "warning",
        _ => "attention",
    };

    private static JsonObject Heading(string text) => Text(text, weight: "Bolder", separator: true);

    /// <summary>A TextBlock of text already made inert (or the renderer's own).</summary>
    private static JsonObject Text(string text, string? size = null, string? weight = null, bool wrap = false, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text };
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

    /// <summary>A FactSet of titles and values already made inert (or the renderer's own).</summary>
    private static JsonObject Facts(params (string Title, string Value)[] facts)
    {
        var array = new JsonArray();
        foreach (var (title, value) in facts)
        {
            array.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }

        return new JsonObject { ["type"] = "FactSet", ["facts"] = array };
    }

    /// <summary>Cut to <paramref name="max"/> characters first, then made inert, so the cut never splits an escape.</summary>
    private static string Inert(string text, int max) => ReportText.InertMarkdown(ReportText.Trim(text, max));
}
