namespace ScreeningBot.Dialogs.Scoring;

/// <summary>How far the candidate's answers to one question (with its follow-ups) show one of its knowledge areas.</summary>
/// <param name="Area">The knowledge area, as the profile names it.</param>
/// <param name="Status">Covered, touched (partial evidence) or absent (nothing in the answers supports it).</param>
/// <param name="Evidence">The candidate's sentence that shows it, verbatim; null when absent or when only the LLM judge saw it.</param>
/// <param name="QuestionId">The question (main or follow-up) whose answer holds <paramref name="Evidence"/>; null when there is none.</param>
public sealed record AreaEvidence(string Area, CoverageStatus Status, string? Evidence, string? QuestionId);
