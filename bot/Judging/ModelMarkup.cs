namespace ScreeningBot.Bot.Judging;

/// <summary>What <see cref="ModelText.HasMarkup"/> counts as markup or a link in a model's text.</summary>
internal enum ModelMarkup
{
    /// <summary>Any of &lt; &gt; ` [ ] { } or "://": text shown to a candidate (a suggested follow-up).</summary>
    Brackets,

    /// <summary><see cref="Brackets"/>, and | or * (table and emphasis syntax): a scorecard's narrative.</summary>
    BracketsAndEmphasis,

    /// <summary>HTML tags, Markdown links, code fences, URLs and mentions; lone brackets are fine ("&lt; 5 years").</summary>
    ProfileText,
}
