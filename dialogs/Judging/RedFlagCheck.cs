using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// The offline check of a question's red flags against one answer (its genuine part; see <see cref="AnswerScreen"/>):
/// an <c>ifMissing</c> flag is hit when no signal matches anywhere in the answer; an <c>ifSaid</c> flag when a sentence where
/// the candidate speaks for themselves shows a signal and does not negate it (the rules of <see cref="CompetencyMatcher"/>),
/// with that sentence as the quote. Signals match by stem and synonym within a sentence, so a strong answer in other words
/// still mentions what an <c>ifMissing</c> flag looks for as long as the profile lists its usual phrasings.
/// </summary>
internal static class RedFlagCheck
{
    public static IReadOnlyList<RedFlagHit> Check(IReadOnlyList<QuestionRedFlag>? flags, string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (flags is not { Count: > 0 })
        {
            return [];
        }

        var positions = new TokenPositions(AnswerTokens.Parse(answer).Tokens);
        var hits = new List<RedFlagHit>();
        foreach (var flag in flags.Take(ProfileLimits.MaxRedFlags))
        {
            var patterns = flag.Signals.Take(ProfileLimits.MaxSignals).Select(s => SignalPattern.Parse(s, out _)).OfType<SignalPattern>().ToArray();
            if (patterns.Length == 0)
            {
                continue;
            }

            if (flag.When == RedFlagTrigger.Missing)
            {
                if (!patterns.Any(p => p.Match(positions, sameSentence: true).IsFull))
                {
                    hits.Add(new RedFlagHit(flag.Flag, null));
                }
            }
            else if (CompetencyMatcher.Find(patterns, answer) is { } sentence)
            {
                hits.Add(new RedFlagHit(flag.Flag, answer[sentence.Start..sentence.End].Trim()));
            }
        }

        return hits;
    }
}
