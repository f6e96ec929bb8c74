using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>Turns a stored conversation into what the candidate's page shows (<see cref="LinkPageState"/>), and nothing more.</summary>
internal static class LinkPageStates
{
    /// <param name="snapshot">The interview and the lines after <paramref name="after"/>.</param>
    /// <param name="replies">What the turn that just ran said, if any; what of it is not in the transcript becomes notices.</param>
    public static LinkPageState From(ConversationSnapshot snapshot, long after, Profile? profile, int maxAnswerLength, IReadOnlyList<string> replies)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(replies);
        var interview = snapshot.Interview;
        var state = interview.Record;
        var lines = snapshot.Lines;
        var language = CandidateLanguages.Resolve(profile?.Language);
        return new LinkPageState
        {
            Role = profile?.Title ?? string.Empty,
            Candidate = interview.Candidate.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty,
            Language = language.Tag,
            State = state.IsEnded ? "ended" : state.Status == InterviewStatus.Paused ? "paused" : "open",
            Outcome = state.IsEnded ? Outcome(state.Status) : null,
            OpenUntil = state.ExpiresAt,
            MaxAnswerLength = maxAnswerLength,
            Cursor = lines.Count > 0 ? Math.Max(after, lines[^1].Sequence) : Math.Min(after, state.NextTranscriptSequence - 1),
            Messages = [.. lines.Select(l => new LinkMessage(l.Sequence, l.Speaker == Speaker.Bot ? "bot" : "you", l.Speaker == Speaker.Bot ? l.Text : Shown(l, profile), l.Timestamp))],
            Prompt = PromptOf(interview.Position, state, language.Texts),
            Notices = NotIn(replies, lines),
        };
    }

    /// <summary>The interview's language: button labels the dialogs write follow it (dialogs/Localization/Texts/).</summary>
    private static CandidateTexts TextsOf(Profile? profile) => CandidateLanguages.Resolve(profile?.Language).Texts;

    private static LinkPrompt? PromptOf(PlanPosition position, InterviewRecord record, CandidateTexts texts) =>
        record.IsEnded || record.Status == InterviewStatus.Paused ? null
        : position.Confirmation is ConfirmationKind.Withdraw ? new LinkPrompt(null, [.. texts.WithdrawChoices.Select(c => new LinkChoice(c.Title, c.Value))])
        : position.Pending?.Prompt is { Choices.Count: > 0 } prompt ? new LinkPrompt(prompt.QuestionId, [.. prompt.Choices.Select(c => new LinkChoice(c.Title, c.Value))])
        : null;

    /// <summary>A clicked answer is stored as the button's value; the page shows its title, as the candidate saw it.</summary>
    private static string Shown(TranscriptTurn line, Profile? profile)
    {
        var choice = profile?.Knockouts.FirstOrDefault(k => k.Id == line.QuestionId)?.Choices
            .FirstOrDefault(c => string.Equals(c.Value, line.Text, StringComparison.OrdinalIgnoreCase));
        var texts = TextsOf(profile);
        return choice?.Title ?? line.Text switch
        {
            "yes" => texts.YesNoChoices[0].Title,
            "no" => texts.YesNoChoices[1].Title,
            var text => text,
        };
    }

    /// <summary>The turn's replies that are not bot lines of the transcript (each line matches one reply at most).</summary>
    private static string[] NotIn(IReadOnlyList<string> replies, IReadOnlyList<TranscriptTurn> lines)
    {
        var transcribed = lines.Where(l => l.Speaker == Speaker.Bot).Select(l => l.Text).ToList();
        return [.. replies.Where(r => !transcribed.Remove(r))];
    }

    private static string Outcome(InterviewStatus status) => status switch
    {
        InterviewStatus.Completed => "completed",
        InterviewStatus.KnockedOut => "knocked-out",
        InterviewStatus.Declined => "declined",
        InterviewStatus.Withdrawn => "withdrawn",
        InterviewStatus.Expired => "expired",
        InterviewStatus.Invalidated => "profile-changed",
        _ => "closed",
    };
}
