using System.Text.Json.Nodes;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>An answer refused while storage failed (to deliver again once it recovers), its text, and how long the candidate waited to hear back.</summary>
internal sealed record RefusedAnswer(JsonObject Activity, string Text, TimeSpan Waited);
