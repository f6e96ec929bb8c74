using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Rehearsal;

/// <summary>
/// <c>rehearse --profile ID [--answers FILE] [--out DIR] [--name NAME]</c>: run a whole screen in the terminal
/// as the candidate, with the offline judge and in-memory storage, then print the scorecard. The same services
/// as the server run the interview; only storage and the channel differ.
/// </summary>
internal sealed class RehearseCommand : ICliCommand
{
    /// <summary>Answers files are small text; anything bigger is a mistake.</summary>
    public const long MaxAnswersFileBytes = 1024 * 1024;

    private const string Conversation = "rehearsal";

    /// <summary>
    /// Scripted answers in a row that leave the same question open before the run stops: a script whose answers the bot
    /// takes as commands (<c>default: repeat</c>) would otherwise go round for ever.
    /// </summary>
    public const int MaxTurnsOnOneQuestion = 25;

    /// <summary>Scripted answers longer than this are echoed shortened; the bot still gets them whole.</summary>
    private const int MaxEchoCharacters = 300;

    private readonly Option<string> _profile = new("--profile")
    {
        Description = "The profile to rehearse: a file name in the profiles folder without .yaml (Screening:ProfilesPath).",
        HelpName = "ID",
        Required = true,
    };

    private readonly Option<string> _answers = new("--answers")
    {
        Description = "Scripted answers instead of typing: a text file (one answer per line, in order) or YAML keyed by question id, with an optional default.",
        HelpName = "FILE",
    };

    private readonly Option<string> _out = new("--out") { Description = "Also write report.md (scorecard and transcript) and scorecard.json (the Teams Adaptive Card) to DIR.", HelpName = "DIR" };

    private readonly Option<string> _name = new("--name") { Description = "The candidate's name in the screen and the scorecard (default \"Rehearsal Candidate\").", HelpName = "NAME" };

    public RehearseCommand()
    {
        Command = new Command("rehearse", "Run a screen in the terminal as the candidate (offline judge, nothing stored) and print the scorecard; --answers replays scripted answers (one per line, or YAML keyed by question id), --out writes report.md and scorecard.json.")
        {
            _profile, _answers, _out, _name,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var profileId = parseResult.GetRequiredValue(_profile);
        var answersPath = parseResult.GetValue(_answers);
        var outDir = parseResult.GetValue(_out);
        var name = parseResult.GetValue(_name) is { Length: > 0 } n ? n : "Rehearsal Candidate";

        var answers = answersPath is null ? null : await ReadAnswersAsync(answersPath, context, cancellationToken);
        if (answersPath is not null && answers is null)
        {
            return 2;
        }

        // Scripted answers are replayed on a clock that moves as a person would type them (see RehearsalClock).
        var clock = answers is null ? null : new RehearsalClock(context.Time);
        await using var services = BuildServices(clock is null ? context : context with { Time = clock });
        ProfileCatalog catalog;
        try
        {
            catalog = services.GetRequiredService<ProfileCatalog>();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        if (!catalog.TryGet(profileId, out var profile))
        {
            var problem = catalog.Errors.FirstOrDefault(e => Path.GetFileNameWithoutExtension(e.Key) == profileId);
            await context.Error.WriteLineAsync(problem.Value is { Count: > 0 } errors
                ? $"error: profile '{profileId}' has {errors.Count} errors; first: {errors[0]} (run validate-profiles for all)"
                : $"error: unknown profile '{profileId}'. Available: {string.Join(", ", catalog.Profiles.Select(p => p.Id))}.");
            return 2;
        }

        var interviews = services.GetRequiredService<InterviewService>();
        var address = new ConversationAddress { ChannelId = "terminal", ConversationId = Conversation };
        var started = await interviews.StartAsync(new StartInterviewRequest(profile.Id, new Participant("terminal-candidate", name), address, null, null), cancellationToken);
        await PrintAsync(context, started.Replies);
        var interview = started.Interview!;
        var given = 0;
        var turnsOnQuestion = 0;
        string? lastQuestion = null;
        while (!interview.Record.IsEnded)
        {
            var questionId = interview.Position.Pending?.Prompt.QuestionId;
            var answer = await NextAnswerAsync(answers, questionId, context, cancellationToken);
            if (answer is null)
            {
                var pending = interview.Position.Pending?.Prompt.Text.Split('\n')[0] ?? "the next question";
                await context.Error.WriteLineAsync(answers is null
                    ? $"error: input ended before the screen finished (question id '{questionId ?? "none"}' was open). Type an answer at the > prompt, or pass --answers FILE."
                    : $"error: {answersPath} has no answer left for \"{TerminalMarkdown.Render(pending, styled: false)}\" (question id '{questionId ?? "none"}'). Add one and run again.");
                return 2;
            }

            turnsOnQuestion = string.Equals(questionId, lastQuestion, StringComparison.Ordinal) ? turnsOnQuestion + 1 : 1;
            lastQuestion = questionId;
            if (answers is not null && turnsOnQuestion > MaxTurnsOnOneQuestion)
            {
                await context.Error.WriteLineAsync(
                    $"error: {answersPath} gave {MaxTurnsOnOneQuestion} answers in a row without moving past question id '{questionId ?? "none"}'. Give that question an answer (not a command such as repeat) and run again.");
                return 2;
            }

            given++;
            if (answers is not null)
            {
                await context.Output.WriteLineAsync($"> {Echo(answer)}");
                clock?.Type(answer);
            }

            var result = await interviews.HandleMessageAsync(address.Key, new IncomingMessage(answer, $"rehearsal-{given}"), cancellationToken);
            await PrintAsync(context, result.Replies);
            interview = result.Interview ?? interview;
            if (answers is not null && Refused(result) is { } refusal)
            {
                // The bot asks again, and a script would give the same answer (or the default) again: stop here.
                await context.Error.WriteLineAsync(
                    $"error: the bot did not accept the answer {answersPath} gives for question id '{questionId ?? "none"}': \"{FirstLine(refusal)}\" Fix that answer and run again.");
                return 2;
            }
        }

        var report = await ScoreAsync(services, interview, cancellationToken);
        await context.Output.WriteLineAsync();
        await context.Output.WriteAsync(ScorecardTextRenderer.Render(report.Scorecard));
        if (outDir is not null)
        {
            var transcript = await services.GetRequiredService<ITranscriptStore>().ReadAsync(interview.Id, cancellationToken);
            await WriteOutputsAsync(outDir, report.Scorecard, transcript, context, cancellationToken);
        }

        return 0;
    }

    private static ServiceProvider BuildServices(CliContext context)
    {
        var services = new ServiceCollection();
        services.AddSingleton(context.Configuration);
        services.AddSingleton(context.Time);
        services.AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.TryAddSingleton<IInterviewStore, InMemoryInterviewStore>();
        services.TryAddSingleton<ITranscriptStore, InMemoryTranscriptStore>();
        services.TryAddSingleton<IReportStore, InMemoryReportStore>();
        services.TryAddSingleton<IDecisionStore, InMemoryDecisionStore>();
        services.TryAddSingleton<IJobQueue>(sp => new InMemoryJobQueue(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IProcessedMessageLedger>(sp => new InMemoryProcessedMessageLedger(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        services.TryAddSingleton<IPostedMessageStore, InMemoryPostedMessageStore>();
        services.TryAddSingleton<ISelfIdentificationStore, InMemorySelfIdentificationStore>();
        services.AddScreeningCore(context.Configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Runs the queued scoring job in-process; a rehearsal has no hiring channel, so nothing is posted.</summary>
    private static async Task<StoredReport> ScoreAsync(ServiceProvider services, Interview interview, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredService<IJobQueue>();
        var handler = services.GetRequiredService<ScoringJobHandler>();
        foreach (var job in await queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), cancellationToken))
        {
            await handler.HandleAsync(job.Job, cancellationToken);
            await queue.CompleteAsync(job, cancellationToken);
        }

        return await services.GetRequiredService<IReportStore>().GetAsync(interview.Id, cancellationToken)
            ?? await handler.BuildAsync(interview, cancellationToken);
    }

    private static async Task<RehearsalAnswers?> ReadAnswersAsync(string path, CliContext context, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            await context.Error.WriteLineAsync($"error: answers file '{path}' does not exist (looked at {full}).");
            return null;
        }

        if (new FileInfo(full).Length > MaxAnswersFileBytes)
        {
            await context.Error.WriteLineAsync($"error: answers file '{path}' is larger than {MaxAnswersFileBytes / 1024} KiB; it should hold one answer per prompt.");
            return null;
        }

        try
        {
            var answers = RehearsalAnswers.Parse(path, await File.ReadAllTextAsync(full, cancellationToken), out var error);
            if (answers is null)
            {
                await context.Error.WriteLineAsync($"error: {error}");
            }

            return answers;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot read answers file '{path}' ({e.Message.TrimEnd('.')}).");
            return null;
        }
    }

    private static async Task<string?> NextAnswerAsync(RehearsalAnswers? answers, string? questionId, CliContext context, CancellationToken cancellationToken)
    {
        if (answers is not null)
        {
            return answers.Next(questionId);
        }

        if (context.IsInteractive)
        {
            await context.Output.WriteAsync("> ");
        }

        while (true)
        {
            var line = await context.Input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }

            if (line.Trim().Length > 0)
            {
                return line.Trim().Replace("\\n", "\n", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The bot's first refusal in a turn (an answer too long, not understood, or not allowed), else null.</summary>
    private static string? Refused(InterviewTurnResult result) =>
        result.Status == InterviewTurnStatus.Rejected ? (result.Replies.Count > 0 ? result.Replies[0].Text : "refused")
        : result.Replies.FirstOrDefault(r => r.Kind == ReplyKind.Retry)?.Text;

    private static string FirstLine(string markdown) => TerminalMarkdown.Render(markdown, styled: false).Split('\n')[0];

    private static string Echo(string answer) =>
        answer.Length <= MaxEchoCharacters ? answer : $"{answer[..MaxEchoCharacters]}… ({answer.Length:N0} characters)";

    private static async Task PrintAsync(CliContext context, IReadOnlyList<Reply> replies)
    {
        foreach (var reply in replies)
        {
            await context.Output.WriteLineAsync();
            await context.Output.WriteLineAsync(TerminalMarkdown.Render(reply.Text, context.IsStyled));
            if (reply.Choices.Count > 0)
            {
                await context.Output.WriteLineAsync("   " + string.Join("   ", reply.Choices.Select((c, i) => $"[{i + 1}] {TerminalMarkdown.Render(c.Title, styled: false)}")));
            }
        }
    }

    private static async Task WriteOutputsAsync(string outDir, Scorecard scorecard, IReadOnlyList<TranscriptTurn> transcript, CliContext context, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDir);
        var reportPath = Path.Combine(outDir, "report.md");
        var cardPath = Path.Combine(outDir, "scorecard.json");
        await File.WriteAllTextAsync(reportPath, MarkdownReportRenderer.Render(scorecard, transcript), cancellationToken);
        await File.WriteAllTextAsync(cardPath, AdaptiveCardRenderer.Render(scorecard).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        await context.Output.WriteLineAsync();
        await context.Output.WriteLineAsync($"Wrote {reportPath} and {cardPath} (Adaptive Card {AdaptiveCardRenderer.SchemaVersion}).");
    }
}
