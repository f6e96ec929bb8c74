namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// The outcome of recognising an answer: a value, or a friendly message that says what was expected
/// ("I need a number of years, like 4"). Expected failures are values, not exceptions.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Recognized<T>.Fail(\"…\") reads as the prompt vocabulary STYLE asks for; T is always inferred at the call site.")]
public readonly record struct Recognized<T>
{
    private Recognized(bool succeeded, T? value, string? error)
    {
        Succeeded = succeeded;
        Value = value;
        Error = error;
    }

    public bool Succeeded { get; }

    public T? Value { get; }

    /// <summary>What to tell the candidate when recognition failed.</summary>
    public string? Error { get; }

    public static Recognized<T> Success(T value) => new(true, value, null);

    public static Recognized<T> Fail(string error) => new(false, default, error);
}
