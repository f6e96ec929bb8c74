using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// <c>webhook dead-letters [--json]</c> lists the webhook events that failed every attempt (<see cref="WebhookDispatcher"/>)
/// from the storage the bot is configured for: event id, type, interview and candidate id, attempts, last error and when,
/// oldest first; never the body, which names the candidate. <c>webhook replay ID|--all</c> puts them on the job queue
/// again with a fresh attempt count and the same idempotency key (a receiver that filed an earlier copy drops the repeat),
/// and removes each from the dead letters only once it is queued, so nothing is lost if the command stops half-way. Exit 0
/// done, 1 an unknown event id or storage failed (run it again: a replay already queued is de-duplicated by the receiver),
/// 2 bad usage or invalid settings.
/// </summary>
internal sealed class WebhookCommand : ICliCommand
{
    /// <summary>Most dead letters one run lists or replays; a second run takes the rest.</summary>
    public const int Limit = 10_000;

    // Event ids are evt_ and 32 hex digits; anything much longer is not one.
    private const int MaxIdLength = 100;

    private readonly Option<bool> _json = new("--json") { Description = "Print a JSON array, one object per event (eventId, eventType, interviewId, candidateId, attempts, lastError, deadLetteredAt), instead of lines." };

    private readonly Argument<string?> _id = new("ID") { Description = "The event to send again (evt_…), as `webhook dead-letters` lists it.", Arity = ArgumentArity.ZeroOrOne };

    private readonly Option<bool> _all = new("--all") { Description = "Send every dead-lettered event again." };

    public WebhookCommand()
    {
        DeadLetters = new Command("dead-letters", "Lists the webhook events that failed every attempt (Webhook:MaxAttempts), oldest first: event id, type, interview and candidate id, attempts, last error and when.")
        {
            _json,
        };
        Replay = new Command("replay", "Sends dead-lettered webhook events again through the job queue: a fresh set of attempts under the same idempotency key, so the receiver files each event once. An event leaves the dead letters once it is queued.")
        {
            _id, _all,
        };
        Command = new Command("webhook", "Outbound webhook dead letters: `webhook dead-letters` lists the events that failed every attempt, `webhook replay ID|--all` sends them again.")
        {
            DeadLetters, Replay,
        };
    }

    public Command Command { get; }

    /// <summary>The <c>dead-letters</c> subcommand; <see cref="CommandLine"/> gives it the same action as the verb.</summary>
    public Command DeadLetters { get; }

    /// <summary>The <c>replay</c> subcommand.</summary>
    public Command Replay { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var command = parseResult.CommandResult.Command;
        if (command != DeadLetters && command != Replay)
        {
            throw new CliUsageException("name what to do: `webhook dead-letters` lists the events that failed, `webhook replay ID|--all` sends them again");
        }

        var id = parseResult.GetValue(_id)?.Trim();
        var all = parseResult.GetValue(_all);
        if (command == Replay)
        {
            if (string.IsNullOrEmpty(id) == !all)
            {
                throw new CliUsageException(all ? "pass an event id or --all, not both" : "name the event to send again (an id from `webhook dead-letters`) or pass --all");
            }

            if (id is { Length: > MaxIdLength })
            {
                throw new CliUsageException($"'{id[..20]}…' is not an event id; ids look like evt_ followed by 32 hex digits, as `webhook dead-letters` lists them");
            }
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Time);
        services.AddScreeningBotStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var deadLetters = provider.GetRequiredService<IWebhookDeadLetterStore>();
            return command == DeadLetters
                ? await ListAsync(deadLetters, parseResult.GetValue(_json), context, cancellationToken)
                : await ReplayAsync(deadLetters, provider.GetRequiredService<IJobQueue>(), id, context, cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the Storage settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: the webhook dead letters could not be reached: {e.Message} Run the command again once storage is back.");
            return 1;
        }
    }

    /// <summary>What the listing shows of a dead letter: references only, the candidate as their chat user id.</summary>
    internal static WebhookDeadLetterRow Row(WebhookDeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return new(deadLetter.EventId, deadLetter.Delivery.EventType, deadLetter.InterviewId, CandidateIdOf(deadLetter.Delivery.Body), deadLetter.Delivery.Attempt, deadLetter.LastError, deadLetter.DeadLetteredAt);
    }

    private static async Task<int> ListAsync(IWebhookDeadLetterStore store, bool json, CliContext context, CancellationToken cancellationToken)
    {
        var rows = (await store.ListAsync(Limit, cancellationToken)).Select(Row).ToList();
        if (json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, WebhookJsonContext.Default.ListWebhookDeadLetterRow));
        }
        else
        {
            foreach (var row in rows)
            {
                var candidate = row.CandidateId is null ? string.Empty : $"  candidate {row.CandidateId}";
                await context.Output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.EventId}  {row.EventType}  interview {row.InterviewId}{candidate}  {row.Attempts} attempt(s)  dead-lettered {row.DeadLetteredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"));
                await context.Output.WriteLineAsync($"    last error: {row.LastError}");
            }
        }

        await context.Error.WriteLineAsync(rows.Count == 0
            ? "No dead-lettered webhook events."
            : $"{rows.Count} dead-lettered webhook event(s){(rows.Count == Limit ? $" (the oldest {Limit}; replay them to see the rest)" : string.Empty)}. Send one again with '{CommandLine.Invocation} webhook replay ID', or all with '--all'.");
        return 0;
    }

    private static async Task<int> ReplayAsync(IWebhookDeadLetterStore store, IJobQueue queue, string? id, CliContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<WebhookDeadLetter> chosen;
        if (id is not null)
        {
            if (await store.GetAsync(id, cancellationToken) is not { } one)
            {
                await context.Error.WriteLineAsync($"error: no dead-lettered webhook event '{id}'; nothing was sent. Run '{CommandLine.Invocation} webhook dead-letters' for the ids (an event replayed before is no longer listed).");
                return 1;
            }

            chosen = [one];
        }
        else
        {
            chosen = await store.ListAsync(Limit, cancellationToken);
            if (chosen.Count == 0)
            {
                await context.Error.WriteLineAsync("No dead-lettered webhook events; nothing to send.");
                return 0;
            }
        }

        if (string.IsNullOrWhiteSpace(context.Configuration[$"{WebhookOptions.SectionName}:{nameof(WebhookOptions.Url)}"]))
        {
            await context.Error.WriteLineAsync("warning: Webhook:Url is not set in this configuration; the bot that runs the queue needs it (and Webhook:Secret), or the events come back as dead letters.");
        }

        foreach (var deadLetter in chosen)
        {
            // Queued first, removed after: a failure in between leaves it listed, and sending it again is a repeat the receiver drops.
            await queue.EnqueueAsync(new ScoringJob(deadLetter.InterviewId) { Webhook = deadLetter.Delivery with { Attempt = 1 } }, cancellationToken);
            var removed = await store.RemoveAsync(deadLetter, cancellationToken);
            await context.Output.WriteLineAsync(removed
                ? $"queued {deadLetter.EventId} ({deadLetter.Delivery.EventType}, interview {deadLetter.InterviewId}) for delivery"
                : $"queued {deadLetter.EventId} ({deadLetter.Delivery.EventType}, interview {deadLetter.InterviewId}) for delivery; it was dead-lettered again meanwhile, so it stays listed");
        }

        await context.Error.WriteLineAsync($"Queued {chosen.Count} webhook event(s) again; the bot sends them with up to Webhook:MaxAttempts attempts each.");
        return 0;
    }

    /// <summary><c>data.candidateId</c> of a webhook body (<see cref="WebhookEvent"/>), or null when it has none.</summary>
    private static string? CandidateIdOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("candidateId", out var candidate) && candidate.ValueKind == JsonValueKind.String
                ? candidate.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
