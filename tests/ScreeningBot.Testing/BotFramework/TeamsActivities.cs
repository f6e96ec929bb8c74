using System.Text.Json.Nodes;

namespace ScreeningBot.Testing.BotFramework;

/// <summary>
/// Teams-shaped inbound activities (shapes from docs/channels.md): channel posts with mention entities, 1:1 messages,
/// Adaptive Card Action.Submit clicks, install events. Each call gets a fresh activity id.
/// </summary>
public sealed class TeamsActivities(string serviceUrl, string appId)
{
    public const string TenantId = "72f988bf-0000-4000-8000-00000000c0de";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string ChannelId = "19:hiring-backend@thread.tacv2";
    public const string BotName = "Screener";

    private int _next;

    public string BotAccountId => "28:" + appId;

    public string ServiceUrl => serviceUrl;

    /// <summary>The 1:1 conversation id the fake connector creates for <paramref name="user"/>.</summary>
    public static string PersonalConversationId(TeamsUser user) => "a:personal-" + user.Id;

    /// <summary>A recruiter's post in a team channel: <c>&lt;at&gt;Screener&lt;/at&gt; {text}</c> with mention entities for the bot and <paramref name="mentioned"/>.</summary>
    public JsonObject ChannelMessage(TeamsUser from, string text, params TeamsUser[] mentioned)
    {
        var id = NextId();
        var entities = new JsonArray { Mention(BotAccountId, BotName, null) };
        foreach (var user in mentioned)
        {
            entities.Add(Mention(user.Id, user.Name, user.AadObjectId));
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Europe/Berlin" });
        var activity = Base("message", id, from, new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = $"{ChannelId};messageid={id}",
        });
        activity["text"] = $"<at>{BotName}</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = entities;
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = ChannelId,
            ["teamsTeamId"] = TeamId,
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Hiring backend" },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Engineering" },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        return activity;
    }

    /// <summary>A message the user typed in their 1:1 chat with the bot.</summary>
    public JsonObject PersonalMessage(TeamsUser from, string text)
    {
        var activity = Personal("message", from);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>An Action.Submit click on a card in the 1:1 chat: <c>value</c> = the button's data (Teams messageBack also sets <c>text</c>).</summary>
    public JsonObject CardSubmit(TeamsUser from, JsonObject data, string? replyToId = null)
    {
        var activity = Personal("message", from);
        activity["value"] = data.DeepClone();
        activity["text"] = data["msteams"]?["text"]?.DeepClone();
        activity["replyToId"] = replyToId ?? "1700000000000";
        return activity;
    }

    /// <summary>The bot installed in a team: <c>conversationUpdate</c> with the bot in <c>membersAdded</c>.</summary>
    public JsonObject BotAddedToTeam(TeamsUser by)
    {
        var activity = Base("conversationUpdate", NextId(), by, new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["id"] = TeamId });
        activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotAccountId } };
        activity["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Engineering" },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        return activity;
    }

    /// <summary>The bot installed for a user (personal scope): the bot and the user are added.</summary>
    public JsonObject BotAddedToPersonalChat(TeamsUser user)
    {
        var activity = Personal("conversationUpdate", user);
        activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotAccountId }, new JsonObject { ["id"] = user.Id, ["aadObjectId"] = user.AadObjectId } };
        return activity;
    }

    /// <summary>An invoke, e.g. <c>adaptiveCard/action</c>, in the user's 1:1 chat.</summary>
    public JsonObject Invoke(TeamsUser from, string name, JsonObject? value)
    {
        var activity = Personal("invoke", from);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    private JsonObject Personal(string type, TeamsUser user)
    {
        var activity = Base(type, NextId(), user, new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = PersonalConversationId(user) });
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    private JsonObject Base(string type, string id, TeamsUser from, JsonObject conversation) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = "2026-03-02T10:00:00.000Z",
        ["localTimestamp"] = "2026-03-02T11:00:00.000+01:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["conversation"] = conversation,
        ["recipient"] = new JsonObject { ["id"] = BotAccountId, ["name"] = BotName },
        ["locale"] = "en-US",
    };

    private static JsonObject Mention(string id, string name, string? aadObjectId)
    {
        var mentioned = new JsonObject { ["id"] = id, ["name"] = name };
        if (aadObjectId is not null)
        {
            mentioned["aadObjectId"] = aadObjectId;
        }

        return new JsonObject { ["type"] = "mention", ["text"] = $"<at>{name}</at>", ["mentioned"] = mentioned };
    }

    private string NextId() => (1_772_000_000_000 + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
