namespace ScreeningBot.Bot.Judging;

/// <summary>
/// Log messages of the LLM judge and narrator. Event ids 5xxx. Candidate answers, prompts and model output never
/// appear here: these carry ids, reasons, figures and durations only (the chat client's own logging keeps message
/// text at Trace, which every shipped appsettings leaves off).
/// </summary>
internal static partial class JudgingLog
{
    [LoggerMessage(5001, LogLevel.Debug, "LLM judged {QuestionId} of interview {InterviewId}: depth {Depth}, {InputTokens}+{OutputTokens} tokens in {ElapsedMs:0} ms")]
    public static partial void Judged(ILogger logger, string interviewId, string questionId, double depth, int inputTokens, int outputTokens, double elapsedMs);

    [LoggerMessage(5002, LogLevel.Warning, "LLM judge fell back to the rubric judge for {QuestionId} of interview {InterviewId}: {Reason}")]
    public static partial void FellBack(ILogger logger, string interviewId, string questionId, string reason);

    [LoggerMessage(5003, LogLevel.Warning, "LLM {Purpose} for interview {InterviewId}: attempt {Attempt} returned unusable output ({Problem})")]
    public static partial void InvalidOutput(ILogger logger, string purpose, string interviewId, int attempt, string problem);

    [LoggerMessage(5004, LogLevel.Information, "LLM {Purpose} for interview {InterviewId}: rate limited (429); retrying after {RetryAfterMs:0} ms")]
    public static partial void RateLimited(ILogger logger, string purpose, string interviewId, double retryAfterMs);

    [LoggerMessage(5005, LogLevel.Warning, "LLM {Purpose} for interview {InterviewId} failed")]
    public static partial void CallFailed(ILogger logger, string purpose, string interviewId, Exception exception);

    [LoggerMessage(5006, LogLevel.Debug, "LLM judgment of {QuestionId} in interview {InterviewId}: dropped {What} ({Why})")]
    public static partial void Dropped(ILogger logger, string interviewId, string questionId, string what, string why);

    [LoggerMessage(5007, LogLevel.Information, "Answer {QuestionId} of interview {InterviewId} holds text aimed at the grader ({Findings}); the model sees only the part before it")]
    public static partial void InjectionDetected(ILogger logger, string interviewId, string questionId, string findings);

    [LoggerMessage(5008, LogLevel.Debug, "LLM {Purpose} for interview {InterviewId} timed out after {TimeoutMs:0} ms")]
    public static partial void TimedOut(ILogger logger, string purpose, string interviewId, double timeoutMs);

    [LoggerMessage(5010, LogLevel.Debug, "LLM narrative for interview {InterviewId}: {Accepted} fields accepted, {Rejected} kept from the template; {InputTokens}+{OutputTokens} tokens")]
    public static partial void Narrated(ILogger logger, string interviewId, int accepted, int rejected, int inputTokens, int outputTokens);

    [LoggerMessage(5011, LogLevel.Warning, "LLM narrative for interview {InterviewId} not used: {Reason}; the template narrative is kept")]
    public static partial void NarrativeFellBack(ILogger logger, string interviewId, string reason);

    [LoggerMessage(5012, LogLevel.Debug, "LLM narrative for interview {InterviewId}: field {Field} rejected ({Why})")]
    public static partial void NarrativeFieldRejected(ILogger logger, string interviewId, string field, string why);
}
