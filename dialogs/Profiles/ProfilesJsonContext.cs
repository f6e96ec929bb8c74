using System.Text.Json.Serialization;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>Source-generated JSON for the profile module's canonical text (strings only).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ProfilesJsonContext : JsonSerializerContext;
