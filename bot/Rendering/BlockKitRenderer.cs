using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Humanizer;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// Block Kit for the screener: candidate prompts (text plus buttons for choices), recruiter answers and scorecards.
/// Pure: produces <see cref="JsonArray"/>/<see cref="JsonObject"/> only, so the direct Web API path and an Azure Bot
/// Service Slack <c>channelData</c> can both use it. Every piece of text from outside (candidate answers and names,
/// profile text) is escaped; every message stays within <see cref="BlockKitLimits"/>, splitting a long scorecard
/// into a main message and continuations rather than losing the headline.
/// </summary>
internal static class BlockKitRenderer
{
    /// <summary>Prefix of the block id of a prompt's buttons: <c>answer|{questionId}|{n}</c>.</summary>
    public const string AnswerBlockPrefix = "answer|";

    /// <summary>Block id of the first section of a question: <c>prompt|{questionId}</c> (analytics, tests, and telling stale clicks apart).</summary>
    public const string PromptBlockPrefix = "prompt|";

    /// <summary>Prefix of the action id of a prompt's buttons: <c>answer-{n}</c>.</summary>
    public const string AnswerActionPrefix = "answer-";

    private const int MaxItems = 6;
    private const int MaxQuotes = 2;
    private const int QuoteLength = 400;
    private const int ItemLength = 600;

    /// <summary>A reply to the candidate: its text as sections, and its choices as buttons.</summary>
    public static SlackMessage RenderReply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var blocks = new JsonArray();
        var questionId = reply.QuestionId is { Length: > 0 and <= 100 } id ? id : string.Empty;
        foreach (var piece in SlackMrkdwn.Split(SlackMrkdwn.FromMarkdown(reply.Text), BlockKitLimits.SectionText))
        {
            var section = Section(piece);
            if (blocks.Count == 0 && questionId.Length > 0)
            {
                section["block_id"] = PromptBlockPrefix + questionId;
            }

            blocks.Add(section);
        }

        var buttons = reply.Choices.Take(BlockKitLimits.BlocksPerMessage - blocks.Count).Select((choice, i) => Button(choice, i)).Chunk(BlockKitLimits.ActionsElements).ToArray();
        for (var n = 0; n < buttons.Length && blocks.Count < BlockKitLimits.BlocksPerMessage; n++)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = $"{AnswerBlockPrefix}{questionId}|{n}",
                ["elements"] = new JsonArray([.. buttons[n]]),
            });
        }

        return Fit(new SlackMessage(Fallback(SlackMrkdwn.PlainFromMarkdown(reply.Text)), blocks));
    }

    /// <summary>The question id a button's block id carries (empty when the prompt had none); null when it is not one of our answer buttons.</summary>
    public static string? QuestionIdOf(string? blockId)
    {
        if (blockId is null || !blockId.StartsWith(AnswerBlockPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = blockId[AnswerBlockPrefix.Length..];
        var bar = rest.LastIndexOf('|');
        return bar < 0 ? rest : rest[..bar];
    }

    /// <summary>
    /// The blocks of a prompt after the candidate clicked: the question stays, the buttons become a line saying what was chosen
    /// (so the same prompt cannot be answered twice).
    /// </summary>
    public static JsonArray AnsweredBlocks(JsonArray? original, string chosen)
    {
        var blocks = new JsonArray();
        foreach (var block in original ?? [])
        {
            if (block is JsonObject obj && (string?)obj["type"] is not "actions" && blocks.Count < BlockKitLimits.BlocksPerMessage - 1)
            {
                blocks.Add(obj.DeepClone());
            }
        }

        blocks.Add(Context($"You chose: *{SlackMrkdwn.Escape(SlackMrkdwn.Trim(chosen, 200))}*"));
        return blocks;
    }

    /// <summary>
    /// An answer for the recruiter (command responses use Slack's own *bold*, `code` and • bullets, so the text is only
    /// escaped); its marked untrusted values (<see cref="MarkedText"/>) become inert mrkdwn (<see cref="SlackMrkdwn.Inert"/>).
    /// </summary>
    public static SlackMessage RenderText(string slackText)
    {
        ArgumentNullException.ThrowIfNull(slackText);
        var blocks = new JsonArray();
        foreach (var piece in SlackMrkdwn.Split(MarkedText.Render(slackText, SlackMrkdwn.Escape, SlackMrkdwn.Inert), BlockKitLimits.SectionText))
        {
            blocks.Add(Section(piece));
        }

        var fallback = MarkedText.Render(slackText.ReplaceLineEndings(" ").Trim(), t => SlackMrkdwn.Escape(t.Replace("*", string.Empty, StringComparison.Ordinal)), SlackMrkdwn.Inert);
        return Fit(new SlackMessage(SlackMrkdwn.Trim(fallback, BlockKitLimits.FallbackText), blocks));
    }

    /// <summary>
    /// A scorecard as one message, or, when it is too long for one, a main message with the verdict followed by continuation
    /// messages (the caller posts them as thread replies). Each message has its own top-level text.
    /// </summary>
    public static IReadOnlyList<SlackMessage> RenderScorecard(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        if (!ReportText.IsScored(scorecard))
        {
            return [RenderNotScored(NotScoredOutcome.From(scorecard))];
        }

        var headline = $"{scorecard.Recommendation.ToDisplay()} · {scorecard.CompositeScore}/100 · {scorecard.CandidateName}";
        var blocks = new List<JsonObject>
        {
            Header($"{Icon(scorecard.Recommendation)} {headline}"),
            Section($"*{Esc(scorecard.ProfileTitle, 200)}* · `{Esc(scorecard.InterviewId, 60)}`\n{Esc(scorecard.Summary, 2_000)}"),
            Fields(
                $"*Recommendation*\n{scorecard.Recommendation.ToDisplay()}",
                $"*Composite score*\n{scorecard.CompositeScore}/100" + (scorecard.PreferredSkillBonus > 0 ? $" (+{scorecard.PreferredSkillBonus} bonus)" : string.Empty),
                $"*Confidence*\n{ReportText.Percent(scorecard.Confidence)}",
                $"*Outcome*\n{Esc(ReportText.Outcome(scorecard.Outcome), 200)}",
                $"*Time spent*\n{scorecard.ActiveDuration.Humanize(precision: 2)}"),
            Context(Esc(ReportText.ScoreExplanation(scorecard), 600)),
        };
        AddIntegrity(blocks, scorecard);
        blocks.Add(Section("*Coverage*\n" + string.Join("\n", ReportText.Coverage(scorecard).Select(r => $"{r.Label}: *{Esc(r.Value, 100)}*"))
            + (ReportText.Gaps(scorecard) is { } gaps ? $"\n_Gaps:_ {Esc(gaps, 1_000)}" : string.Empty)));

        if (scorecard.Knockouts.Count > 0)
        {
            blocks.Add(Section("*Knockouts*\n" + Lines(scorecard.Knockouts.Select(k => $"{(k.Passed ? "✅" : "❌")} {Esc(k.Question, 400)}\n      Answer: {Esc(k.Answer, 200)}"))));
        }

        if (scorecard.Dimensions.Count > 0)
        {
            blocks.Add(Section("*Rubric dimensions*"));
            foreach (var chunk in scorecard.Dimensions.Chunk(BlockKitLimits.SectionFields))
            {
                blocks.Add(Fields([.. chunk.Select(d => $"*{Esc(d.Name, 100)}* ({d.Weight}%)\n{Bar(d.Score)} {ReportText.Score(d.Score)}/10")]));
            }
        }

        if (scorecard.RequiredSkills.Count > 0)
        {
            blocks.Add(Section("*Required skills*"));
            foreach (var chunk in scorecard.RequiredSkills.Chunk(BlockKitLimits.SectionFields))
            {
                blocks.Add(Fields([.. chunk.Select(s => $"*{Esc(s.Name, 100)}*\n{ReportText.Score(s.Score)}/10")]));
            }
        }

        if (scorecard.Competencies.Count > 0)
        {
            blocks.Add(Section("*Competencies*\n" + Lines(scorecard.Competencies.Select(c => $"{ReportText.LevelIcon(c)} *{ReportText.Level(c)}*: {Esc(c.Statement, 400)}"))));
            blocks.Add(Context(CompetencyLevels.Legend));
        }

        if (scorecard.Language is { } language)
        {
            blocks.Add(Section($"*Language*\n{Esc(language.Language, 40)}: {Esc(language.Headline, 80)} {(language.MeetsTarget ? "✅" : "⚠️")} _({Esc(language.SourceLabel, 60)})_"));
        }

        if (scorecard.RedFlags.Count > 0)
        {
            blocks.Add(Section("*Red flags*\n" + Lines(scorecard.RedFlags.Select(f => "🚩 " + ReportText.RedFlag(f, t => Esc(t, QuoteLength))))));
        }

        if (scorecard.Strengths.Count > 0)
        {
            blocks.Add(Section("*Strengths*\n" + Lines(scorecard.Strengths.Select(s => "• " + Esc(s, ItemLength)))));
        }

        if (scorecard.Risks.Count > 0)
        {
            blocks.Add(Section("*Risks*\n" + Lines(scorecard.Risks.Select(r => "• " + Esc(r, ItemLength)))));
        }

        if (scorecard.NotableQuotes.Count > 0)
        {
            blocks.Add(Section("*In their words*\n" + Lines(scorecard.NotableQuotes.Take(MaxQuotes).Select(q => $"> _“{Esc(q.Text.ReplaceLineEndings(" "), QuoteLength)}”_"))));
        }

        blocks.Add(Section($"*Suggested next step*\n{Esc(scorecard.SuggestedNextStep, 1_000)}"));
        blocks.Add(Context($"Judged by {Esc(scorecard.JudgeDescription, 300)} · completed {scorecard.CompletedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"));
        AddActions(blocks, scorecard.ReportUrl);
        return Pack(blocks, InertFallback($"Scorecard: {headline}, {scorecard.ProfileTitle}"), InertFallback($"Scorecard of {scorecard.CandidateName} (continued)"));
    }

    /// <summary>
    /// The short message of a screen without a score (<see cref="NotScoredOutcome"/>), the Block Kit twin of
    /// <see cref="AdaptiveCardRenderer.RenderNotScored"/>: headline, who and which role, the next step, a knockout's question
    /// and answer in full, and a context line with "No score", why, the outcome, when and the interview id.
    /// </summary>
    public static SlackMessage RenderNotScored(NotScoredOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var blocks = new List<JsonObject>
        {
            Header(outcome.Headline),
            Section($"*{Esc(outcome.CandidateName, 100)}* · {Esc(outcome.ProfileTitle, 100)}\n{Esc(outcome.NextStep, 1_000)}"),
        };
        if (outcome.FailedKnockouts.Count > 0)
        {
            blocks.Add(Section("*Knockouts*\n" + Lines(outcome.FailedKnockouts.Select(k => $"❌ {Esc(k.Question, 400)}\n      Answer: {Esc(k.Answer, 200)}"))));
        }

        blocks.Add(Context($"No score: {outcome.Why} · {Esc(ReportText.Outcome(outcome.Outcome), 100)} · {ReportText.When(outcome.At)} · `{Esc(outcome.InterviewId, 60)}`"));
        AddActions(blocks, outcome.ReportUrl);
        return new SlackMessage(InertFallback($"{outcome.Headline}: {ReportText.Trim(outcome.CandidateName, 100)}, {ReportText.Trim(outcome.ProfileTitle, 100)}"), new JsonArray([.. blocks]));
    }

    /// <summary>Every button the bot puts on a scorecard message is added here.</summary>
    private static void AddActions(List<JsonObject> blocks, string? reportUrl)
    {
        if (reportUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var reportUri) && reportUri.Scheme == Uri.UriSchemeHttps && url.Length <= 3_000)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "report",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "open-report", ["text"] = PlainText("Open full report"), ["url"] = url }),
            });
        }
    }

    /// <summary>One line when an answer was flagged for gaming the judgment (the full report lists them).</summary>
    private static void AddIntegrity(List<JsonObject> blocks, Scorecard scorecard)
    {
        if (scorecard.IntegrityLine() is { } line)
        {
            blocks.Add(Section($":warning: *Integrity:* {Esc(line, ItemLength)}"));
        }
    }

    /// <summary>Characters of text in a block or message, as Slack counts toward its aggregate limit (string values).</summary>
    public static int TextLength(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => TextLength(p.Value)),
        JsonArray array => array.Sum(TextLength),
        JsonValue value when value.TryGetValue<string>(out var s) => s.Length,
        _ => 0,
    };

    private static List<SlackMessage> Pack(List<JsonObject> blocks, string mainText, string continuationText)
    {
        var messages = new List<SlackMessage>();
        var current = new JsonArray();
        var characters = 0;
        foreach (var block in blocks)
        {
            var length = TextLength(block);
            if (current.Count > 0 && (current.Count == BlockKitLimits.BlocksPerMessage || characters + length > BlockKitLimits.MessageCharacters))
            {
                messages.Add(new SlackMessage(messages.Count == 0 ? mainText : continuationText, current));
                current = [];
                characters = 0;
            }

            current.Add(block);
            characters += length;
        }

        messages.Add(new SlackMessage(messages.Count == 0 ? mainText : continuationText, current));
        return messages;
    }

    /// <summary>Keeps a single message within the block and aggregate limits by dropping trailing text blocks (never the buttons).</summary>
    private static SlackMessage Fit(SlackMessage message)
    {
        var blocks = message.Blocks;
        while (blocks.Count > 1 && (blocks.Count > BlockKitLimits.BlocksPerMessage || TextLength(blocks) > BlockKitLimits.MessageCharacters))
        {
            var lastSection = blocks.Select((b, i) => (Block: b, Index: i)).LastOrDefault(x => (string?)x.Block!["type"] == "section");
            if (lastSection.Block is null)
            {
                break;
            }

            blocks.RemoveAt(lastSection.Index);
            if (!blocks.Any(b => (string?)b!["type"] == "context"))
            {
                blocks.Insert(lastSection.Index, Context("_(message shortened)_"));
            }
        }

        return message;
    }

    private static JsonObject Button(Choice choice, int index) => new()
    {
        ["type"] = "button",
        ["action_id"] = AnswerActionPrefix + index.ToString(CultureInfo.InvariantCulture),
        ["text"] = PlainText(SlackMrkdwn.Trim(choice.Title, BlockKitLimits.ButtonText)),
        ["value"] = SlackMrkdwn.Trim(choice.Value, BlockKitLimits.ButtonValue),
    };

    /// <summary>A header is plain_text: nothing to escape, but angle brackets become look-alikes so no client ever reads a control sequence.</summary>
    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(SlackMrkdwn.Trim(text.Replace('<', '‹').Replace('>', '›'), BlockKitLimits.HeaderText)),
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Trim(mrkdwn.Length == 0 ? " " : mrkdwn, BlockKitLimits.SectionText) },
    };

    private static JsonObject Fields(params string[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Take(BlockKitLimits.SectionFields).Select(f => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Trim(f, BlockKitLimits.FieldText) })]),
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Trim(mrkdwn, BlockKitLimits.FieldText) }),
    };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    /// <summary>Inert (see <see cref="SlackMrkdwn.Inert"/>), after trimming the raw text (so the cut never lands inside an escape sequence).</summary>
    private static string Esc(string? text, int max) => SlackMrkdwn.Inert(SlackMrkdwn.Trim(text ?? string.Empty, max));

    private static string Lines(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var text = new StringBuilder(string.Join("\n", all.Take(MaxItems)));
        if (all.Count > MaxItems)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n_…and {all.Count - MaxItems} more in the full report_");
        }

        return text.ToString();
    }

    private static string Bar(double score)
    {
        var filled = (int)Math.Round(Math.Clamp(score, 0, 10) / 2);
        return new string('▰', filled) + new string('▱', 5 - filled);
    }

    private static string Icon(Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongYes => "🟢",
        Recommendation.Yes => "🟢",
        Recommendation.Maybe => "🟡",
        _ => "🔴",
    };

    /// <summary>Top-level text is parsed for mentions too, so it is escaped like block text.</summary>
    private static string Fallback(string text) => SlackMrkdwn.Escape(SlackMrkdwn.Trim(text.ReplaceLineEndings(" ").Trim(), BlockKitLimits.FallbackText));

    /// <summary>A scorecard's top-level text, which carries the candidate's name: inert like block text.</summary>
    private static string InertFallback(string text) => SlackMrkdwn.Inert(SlackMrkdwn.Trim(text.ReplaceLineEndings(" ").Trim(), BlockKitLimits.FallbackText));
}
