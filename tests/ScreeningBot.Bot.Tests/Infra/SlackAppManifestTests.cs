using System.Text.RegularExpressions;
using ScreeningBot.Bot.Hosting;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Bot.Tests.Infra;

/// <summary>infra/slack/manifest.yaml against what the bot implements and what Slack accepts.</summary>
public sealed class SlackAppManifestTests
{
    private const string ManifestPath = "infra/slack/manifest.yaml";
    private const string UrlPrefix = "https://" + ManifestExpectations.DomainPlaceholder;

    [Fact]
    public void SlashCommands_Screen_IsDeclared()
    {
        var sut = LoadManifest();

        var commands = Sequence(sut, "features", "slash_commands").Select(command => Scalar(command, "command")).ToList();
        Assert.Contains("/screen", commands);
    }

    [Fact]
    public void SlashCommands_Every_IsAKnownVerb()
    {
        var sut = LoadManifest();

        foreach (var command in Sequence(sut, "features", "slash_commands"))
        {
            var name = Scalar(command, "command");
            Assert.StartsWith("/", name, StringComparison.Ordinal);
            Assert.True(
                ManifestExpectations.CommandVerbs.Contains(name[1..]),
                $"Slack command '{name}' is not a verb the command parser knows ({string.Join(", ", ManifestExpectations.CommandVerbs)}).");
            Assert.InRange(Scalar(command, "description").Length, 1, 2000);
        }
    }

    [Fact]
    public void RequestUrls_Paths_AreTheBotRoutes()
    {
        var sut = LoadManifest();

        Assert.All(
            Sequence(sut, "features", "slash_commands"),
            command => Assert.Equal(UrlPrefix + BotRoutes.SlackCommands, Scalar(command, "url")));
        Assert.Equal(UrlPrefix + BotRoutes.SlackEvents, Scalar(sut, "settings", "event_subscriptions", "request_url"));
        Assert.Equal(UrlPrefix + BotRoutes.SlackInteractions, Scalar(sut, "settings", "interactivity", "request_url"));
        Assert.Equal("true", Scalar(sut, "settings", "interactivity", "is_enabled"));
        Assert.Equal("false", Scalar(sut, "settings", "socket_mode_enabled"));
    }

    [Fact]
    public void BotScopes_Set_IsExactlyWhatTheMethodsEventsAndCommandsNeed()
    {
        var sut = LoadManifest();

        var declared = Sequence(sut, "oauth_config", "scopes", "bot").Select(node => ((YamlScalarNode)node).Value!).ToList();
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in ManifestExpectations.SlackMethodScopes.Values.OfType<string>())
        {
            needed.Add(scope);
        }

        foreach (var node in Sequence(sut, "settings", "event_subscriptions", "bot_events"))
        {
            var eventName = ((YamlScalarNode)node).Value!;
            Assert.True(
                ManifestExpectations.SlackEventScopes.TryGetValue(eventName, out var scope),
                $"The manifest subscribes to '{eventName}', which the bot does not handle; remove it or add the handler.");
            needed.Add(scope);
        }

        if (Sequence(sut, "features", "slash_commands").Count > 0)
        {
            needed.Add(ManifestExpectations.SlackCommandsScope);
        }

        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(needed.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BotEvents_Subscription_IsDirectMessagesOnly()
    {
        var sut = LoadManifest();

        var events = Sequence(sut, "settings", "event_subscriptions", "bot_events").Select(node => ((YamlScalarNode)node).Value).ToList();
        Assert.Equal(["message.im"], events);
    }

    [Fact]
    public void AppHome_MessagesTab_AcceptsCandidateMessages()
    {
        var sut = LoadManifest();

        Assert.Equal("true", Scalar(sut, "features", "app_home", "messages_tab_enabled"));
        Assert.Equal("false", Scalar(sut, "features", "app_home", "messages_tab_read_only_enabled"));
    }

    [Fact]
    public void Texts_Lengths_AreWithinSlackLimits()
    {
        var sut = LoadManifest();

        Assert.InRange(Scalar(sut, "display_information", "name").Length, 1, 35);
        Assert.InRange(Scalar(sut, "display_information", "description").Length, 1, 140);
        var botName = Scalar(sut, "features", "bot_user", "display_name");
        Assert.InRange(botName.Length, 1, 80);
        Assert.Matches("^[a-z0-9._-]+$", botName);
    }

    [Fact]
    public void Placeholders_Every_IsTheBotDomain()
    {
        var manifest = InfraFiles.ReadText(ManifestPath);

        var placeholders = Regex.Matches(manifest, @"\{\{[^}]*\}\}").Select(match => match.Value).Distinct().ToList();
        Assert.Equal([ManifestExpectations.DomainPlaceholder], placeholders);
        Assert.Contains(ManifestExpectations.DomainPlaceholder, InfraFiles.ReadText("infra/README.md"), StringComparison.Ordinal);
    }

    private static YamlMappingNode LoadManifest()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(InfraFiles.ReadText(ManifestPath));
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"{ManifestPath} has no '{key}' (path {string.Join('.', path)}).");
            node = child;
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) => Assert.IsType<YamlScalarNode>(Node(node, path)).Value ?? "";

    private static List<YamlNode> Sequence(YamlNode node, params string[] path) => Assert.IsType<YamlSequenceNode>(Node(node, path)).Children.ToList();
}
