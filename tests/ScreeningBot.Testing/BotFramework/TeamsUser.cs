namespace ScreeningBot.Testing.BotFramework;

/// <summary>A Teams user: the bot-specific <c>29:</c> id, display name and Entra object id.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    public static TeamsUser Recruiter { get; } = new("29:1recruiter-rita", "Rita Recruiter", "aaaaaaaa-1111-4000-8000-000000000001");

    public static TeamsUser Candidate { get; } = new("29:1candidate-jane", "Jane Doe", "bbbbbbbb-2222-4000-8000-000000000002");

    public static TeamsUser Stranger { get; } = new("29:1stranger-sam", "Sam Stranger", "cccccccc-3333-4000-8000-000000000003");
}
