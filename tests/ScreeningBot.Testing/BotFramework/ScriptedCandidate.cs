using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Testing.BotFramework;

/// <summary>
/// Answers the bot's prompts the way a candidate in Teams would, from a rehearsal answer script keyed by question id
/// (profiles/rehearsals/*.yaml). The question is recognised from the wire alone: the <c>questionId</c> in a card
/// button's data, or the profile question whose text the prompt contains. Choices are clicked as card buttons.
/// </summary>
public sealed class ScriptedCandidate
{
    private readonly RehearsalAnswers _answers;
    private readonly (string Id, string Text)[] _questions;

    public ScriptedCandidate(Profile profile, string scriptPath)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _answers = RehearsalAnswers.Parse(scriptPath, File.ReadAllText(scriptPath), out var error) ?? throw new InvalidOperationException(error);
        _questions =
        [
            .. profile.Knockouts.Select(k => (k.Id, k.Question)),
            .. profile.CustomQuestions.Select(q => (q.Id, q.Text)),
            .. profile.Blueprints.Select(b => (b.Id, b.Text)),
            .. profile.Blueprints.SelectMany(b => b.FollowUps).Select(f => (f.Id, f.Text)),
        ];
    }

    /// <summary>The reply to a prompt activity: an Action.Submit data object when a card button fits the answer, else typed text.</summary>
    public (string? Text, JsonObject? Submit) Answer(JsonNode prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var card = prompt["attachments"]?.AsArray().FirstOrDefault()?["content"];
        var buttons = card?["actions"]?.AsArray().Select(a => a?["data"]?.AsObject()).OfType<JsonObject>().ToList() ?? [];
        var questionId = buttons.Select(b => b["questionId"]?.GetValue<string>()).FirstOrDefault(id => id is not null) ?? QuestionIdOf(prompt["text"]?.GetValue<string>());
        var answer = _answers.Next(questionId) ?? throw new InvalidOperationException($"The script has no answer for question '{questionId}': {prompt["text"]}");
        var button = buttons.FirstOrDefault(b => string.Equals(b["screeningAnswer"]?.GetValue<string>(), answer, StringComparison.OrdinalIgnoreCase));
        return button is null ? (answer, null) : (null, button);
    }

    private string? QuestionIdOf(string? text) =>
        text is null ? null : _questions.Where(q => text.Contains(q.Text.Trim(), StringComparison.Ordinal)).OrderByDescending(q => q.Text.Length).Select(q => q.Id).FirstOrDefault();
}
