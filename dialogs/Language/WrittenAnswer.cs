namespace ScreeningBot.Dialogs.Language;

/// <summary>One answer a candidate wrote, with the question it answered (to tell a copied question from an answer).</summary>
public sealed record WrittenAnswer(string Text, string? Question = null);
