namespace ScreeningBot.Dialogs.Language;

/// <summary>One token of a sentence: a word (lower-cased in <see cref="Lower"/>), a clitic, a number or punctuation.</summary>
internal readonly record struct LanguageToken(string Text, string Lower, TokenKind Kind)
{
    /// <summary>A word that starts with a capital letter, as written.</summary>
    public bool IsCapitalized => Kind == TokenKind.Word && Text.Length > 0 && char.IsUpper(Text[0]);
}

internal enum TokenKind
{
    Word,

    /// <summary>The contracted part of a word: <c>'s</c>, <c>n't</c>, <c>'re</c>, <c>'ll</c>…</summary>
    Clitic,
    Number,
    Punctuation,
    Symbol,
}
