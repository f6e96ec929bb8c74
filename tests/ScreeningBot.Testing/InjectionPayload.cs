namespace ScreeningBot.Testing;

/// <summary>One way a candidate might try to game the judge.</summary>
/// <param name="Technique">A short name, shown in test output.</param>
/// <param name="Form">The kind of gaming (see the <c>InjectionPayloads</c> form constants).</param>
/// <param name="Text">The payload as the candidate would type it.</param>
public sealed record InjectionPayload(string Technique, string Form, string Text)
{
    public override string ToString() => $"{Form}: {Technique}";
}
