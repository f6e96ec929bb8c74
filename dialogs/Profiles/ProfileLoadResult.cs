namespace ScreeningBot.Dialogs.Profiles;

/// <summary>The outcome of loading one profile file: the profile when it is valid, and every error found.</summary>
/// <param name="File">The file as the caller named it.</param>
/// <param name="Profile">The valid profile; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">All problems found, ordered by line.</param>
public sealed record ProfileLoadResult(string File, Profile? Profile, IReadOnlyList<ProfileError> Errors)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Profile))]
    public bool IsValid => Profile is not null;
}
