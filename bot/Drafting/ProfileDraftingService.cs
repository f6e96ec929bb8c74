using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Drafting;

/// <summary>The outcome of <see cref="ProfileDraftingService.DraftAsync"/>: a valid draft, or one sentence saying why there is none.</summary>
internal sealed record ProfileDraftOutcome(ProfileDraft? Draft, string? Error);

/// <summary>
/// Drafts profiles from job descriptions for the CLI (<c>profile draft</c>) and the recruiter command
/// (<c>draft-profile</c>): with the LLM when <c>Judge:Provider</c> names one (<see cref="LlmProfileDrafter"/>), otherwise
/// from the question bank alone (<see cref="ProfileDrafter"/>). It reads the bank and the base profiles from the
/// profiles folder on every call, so an edited bank is used at once; it never writes anything. Thread-safe.
/// </summary>
internal sealed class ProfileDraftingService
{
    /// <summary>The shipped profiles a draft starts from, by level.</summary>
    public static readonly IReadOnlyList<string> BaseIds = ["backend-senior", "backend-mid"];

    private readonly IConfiguration _configuration;
    private readonly IChatClient? _chat;
    private readonly LlmJudgeOptions? _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="chat">The LLM, or null to draft from the question bank only.</param>
    /// <param name="options">The LLM settings; required with <paramref name="chat"/>.</param>
    public ProfileDraftingService(IConfiguration configuration, IChatClient? chat, LlmJudgeOptions? options, TimeProvider time, ILogger<ProfileDraftingService> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (chat is not null)
        {
            ArgumentNullException.ThrowIfNull(options);
        }

        _configuration = configuration;
        _chat = chat;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when drafts are written with the LLM.</summary>
    public bool UsesLlm => _chat is not null;

    /// <summary>What writes the drafts, for people: "the LLM (gpt-4o-mini)" or "the question bank (no LLM)".</summary>
    public string Describe => _chat is null ? "the question bank (no LLM)" : $"the LLM ({_options!.ModelName})";

    /// <summary>
    /// The service for a command-line verb: the LLM from the <c>Judge</c> section when it names one and is valid, else
    /// none. <paramref name="problem"/> says why a configured LLM cannot be used (the caller decides whether that stops it).
    /// </summary>
    public static ProfileDraftingService ForCommandLine(IConfiguration configuration, TimeProvider time, bool useLlm, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        problem = null;
        IChatClient? chat = null;
        LlmJudgeOptions? options = null;
        if (useLlm)
        {
            problem = JudgeFactory.ProviderProblem(configuration);
            options = configuration.GetSection(LlmJudgeOptions.SectionName).Get<LlmJudgeOptions>() ?? new LlmJudgeOptions();
            if (problem is null && options.IsLlm)
            {
                var validation = new LlmJudgeOptionsValidator().Validate(null, options);
                if (validation.Failed)
                {
                    problem = string.Join(" ", validation.Failures);
                }
                else
                {
                    chat = LlmChatClientFactory.Create(options);
                }
            }
        }

        return new ProfileDraftingService(configuration, chat, chat is null ? null : options, time, NullLogger<ProfileDraftingService>.Instance);
    }

    /// <summary>Drafts profile <paramref name="id"/> from <paramref name="description"/> (already bounded by the caller).</summary>
    /// <param name="sourceName">Where the description came from, for the draft's first comment line (a file name, "a Slack message").</param>
    public async Task<ProfileDraftOutcome> DraftAsync(string description, string id, string sourceName, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(sourceName);
        var profilesPath = ValidateProfilesCommand.ResolveDefault(_configuration, out var searched);
        if (profilesPath is null || !Directory.Exists(profilesPath))
        {
            return new(null, $"the profiles folder was not found (looked in {searched}). Fix: run from the repository root or set Screening:ProfilesPath.");
        }

        var bank = ProfileLoader.LoadBank(Path.Combine(profilesPath, "bank"));
        if (bank.Bank.Count == 0)
        {
            return new(null, $"the question bank in {Path.Combine(profilesPath, "bank")} has no valid blueprint. Fix: run `dotnet run --project bot -- validate-profiles` and correct what it reports.");
        }

        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var baseId in BaseIds)
        {
            var path = Path.Combine(profilesPath, baseId + ".yaml");
            if (!File.Exists(path))
            {
                return new(null, $"the base profile {path} is missing; drafts start from it. Fix: restore it from the repository.");
            }

            bases[baseId] = await File.ReadAllTextAsync(path, cancellationToken);
        }

        progress?.Report($"read {bank.Bank.Count} bank blueprints and the base profiles from {profilesPath}");
        if (_chat is null)
        {
            return new(ProfileDrafter.Draft(description, id, sourceName, bases, bank.Bank), null);
        }

        var drafter = new LlmProfileDrafter(_chat, _options!, _time, _logger);
        return new(await drafter.DraftAsync(description, id, sourceName, bases, bank.Bank, progress, cancellationToken), null);
    }
}
