using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing;
using ScreeningBot.Testing.InterviewLinks;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>The real bot on loopback with interview links on (no Teams or Slack), plus shortcuts to invite and to play the candidate.</summary>
internal sealed class LinkBot : IAsyncDisposable
{
    /// <summary>The public address links carry; requests go to the loopback bot with the link's path.</summary>
    public const string BaseUrl = "https://screening.example.com";

    public const string SigningKey = "test-interview-link-signing-key-0123456789-abcdef";

    private LinkBot(BotAppFactory factory)
    {
        Factory = factory;
        Client = new HttpClient { BaseAddress = factory.BaseAddress };
    }

    public BotAppFactory Factory { get; }

    public HttpClient Client { get; }

    public static Dictionary<string, string?> Settings => new()
    {
        ["InterviewLinks:BaseUrl"] = BaseUrl,
        ["InterviewLinks:SigningKey"] = SigningKey,
    };

    public static LinkBot Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new LinkBot(new BotAppFactory(all, configureServices));
    }

    /// <summary>
    /// Copies the shipped profiles (with the question bank) into <paramref name="folder"/>, with backend-senior.yaml changed by
    /// <paramref name="editBackendSenior"/>; pass the folder as <c>Screening:ProfilesPath</c>.
    /// </summary>
    public static void CopyProfiles(string folder, Func<string, string> editBackendSenior)
    {
        foreach (var source in Directory.EnumerateFiles(RepositoryPaths.Profiles, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(RepositoryPaths.Profiles, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var senior = Path.Combine(folder, "backend-senior.yaml");
        var edited = editBackendSenior(File.ReadAllText(senior));
        File.WriteAllText(senior, edited);
    }

    /// <summary>backend-senior in German: the bot's own texts and buttons come from dialogs/Localization/Texts/de.json.</summary>
    public static string InGerman(string yaml) =>
        yaml.Contains("\nlanguage: en\n", StringComparison.Ordinal) ? yaml.Replace("\nlanguage: en\n", "\nlanguage: de\n", StringComparison.Ordinal)
        : throw new InvalidOperationException("profiles/backend-senior.yaml no longer says `language: en`; update LinkBot.InGerman.");

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>Invites a candidate (no hiring channel) and returns the interview and its link.</summary>
    public async Task<(Interview Interview, string Link)> InviteAsync(string name = "Jane Doe", string? email = "jane@example.com", string profileId = "backend-senior")
    {
        var invitation = await Service<InterviewLinkInvitations>().InviteAsync(new LinkInvitationRequest(profileId, name, LinkCandidates.NormalizeEmail(email), null, null), CancellationToken.None);
        return (invitation.Interview!, invitation.Url!);
    }

    public InterviewLinkClient Candidate(string link) => new(Client, link);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
