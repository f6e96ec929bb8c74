using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Words a candidate can type at any point. Only a whole message counts, so an answer that merely contains "help" is still an answer.</summary>
public enum CandidateCommand
{
    Help,
    Repeat,
    Pause,
    Resume,
    Withdraw,
}

/// <summary>Recognises <see cref="CandidateCommand"/>s.</summary>
public static class CandidateCommands
{
    private static readonly Dictionary<string, CandidateCommand> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = CandidateCommand.Help,
        ["?"] = CandidateCommand.Help,
        ["commands"] = CandidateCommand.Help,
        ["repeat"] = CandidateCommand.Repeat,
        ["again"] = CandidateCommand.Repeat,
        ["repeat the question"] = CandidateCommand.Repeat,
        ["what was the question"] = CandidateCommand.Repeat,
        ["pause"] = CandidateCommand.Pause,
        ["take a break"] = CandidateCommand.Pause,
        ["resume"] = CandidateCommand.Resume,
        ["continue"] = CandidateCommand.Resume,
        ["i'm back"] = CandidateCommand.Resume,
        ["im back"] = CandidateCommand.Resume,
        ["withdraw"] = CandidateCommand.Withdraw,
        ["quit"] = CandidateCommand.Withdraw,
        ["exit"] = CandidateCommand.Withdraw,
    };

    public static CandidateCommand? TryParse(string? text)
    {
        var normalized = PromptText.Normalize(text);
        if (normalized.Length is 0 or > 40)
        {
            return null;
        }

        if (normalized == "?")
        {
            return CandidateCommand.Help;
        }

        var bare = PromptText.StripPunctuation(normalized.TrimStart('/', '!'));
        return Words.TryGetValue(bare, out var command) ? command : null;
    }
}
