using System.Diagnostics.CodeAnalysis;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Testing;

/// <summary>An <see cref="IProfileSource"/> over profiles built in code; <see cref="Replace"/> simulates an operator editing a profile.</summary>
public sealed class StaticProfileSource(params Profile[] profiles) : IProfileSource
{
    private Profile[] _profiles = [.. profiles.OrderBy(p => p.Id, StringComparer.Ordinal)];

    public IReadOnlyList<Profile> Profiles => _profiles;

    public bool TryGet(string profileId, [NotNullWhen(true)] out Profile? profile)
    {
        profile = Array.Find(_profiles, p => p.Id == profileId);
        return profile is not null;
    }

    public void Replace(Profile profile) =>
        _profiles = [.. _profiles.Where(p => p.Id != profile.Id).Append(profile).OrderBy(p => p.Id, StringComparer.Ordinal)];
}
