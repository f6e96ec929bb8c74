using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Judging;

/// <summary>The CEFR part of the LLM judge: the descriptors in its prompt and the check of the level it returns.</summary>
internal static class LanguageLevels
{
    /// <summary>Longest level text accepted from the model ("B2+" with spaces); anything longer is malformed.</summary>
    public const int MaxChars = 8;

    /// <summary>The CEFR written-production descriptors, in our own words, for language-assessment questions.</summary>
    public const string Descriptors = """
        - languageLevel: the CEFR level of the writing in this answer, judged on what the candidate wrote here only:
          A1 = isolated words and set phrases; A2 = short simple sentences on familiar topics, basic mistakes throughout;
          B1 = connected text on familiar topics, the main point clear, noticeable mistakes that rarely block meaning;
          B2 = clear, detailed text with reasons and trade-offs, good grammatical control, occasional slips, a range of linking words;
          C1 = well-structured, precise text on complex topics, flexible and idiomatic, errors rare and hard to spot;
          C2 = effortless, nuanced and natural in any register, no errors that matter.
          Rate the language, not the technical content or the length; a short answer can be C1. Answer "none" when the text
          cannot be rated: empty, one word, emoji, mostly another language or a mix of languages, gibberish, a list of
          keywords without sentences, or text copied from the question.
        """;

    /// <summary>
    /// Reads the model's level: A1-C2 (a trailing + or - and surrounding spaces ignored, any case) is a level; null, empty
    /// or "none" is no level; anything else, or longer than <see cref="MaxChars"/>, is malformed (false).
    /// </summary>
    public static bool TryParse(string? text, out CefrLevel? level)
    {
        level = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.Length > MaxChars)
        {
            return false;
        }

        var core = trimmed.TrimEnd('+', '-').Trim().ToUpperInvariant();
        if (core.Length == 2 && core[0] is 'A' or 'B' or 'C' && core[1] is '1' or '2')
        {
            level = (CefrLevel)(((core[0] - 'A') * 2) + (core[1] - '1'));
            return true;
        }

        return false;
    }
}
