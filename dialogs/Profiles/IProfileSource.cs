using System.Diagnostics.CodeAnalysis;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>Where interviews find their profile by id. Thread-safe; profiles it returns are valid.</summary>
public interface IProfileSource
{
    /// <summary>Every valid profile, ordered by id.</summary>
    IReadOnlyList<Profile> Profiles { get; }

    bool TryGet(string profileId, [NotNullWhen(true)] out Profile? profile);
}
