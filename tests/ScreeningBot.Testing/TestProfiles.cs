using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Testing;

/// <summary>
/// The shipped profiles, loaded once per test run from <see cref="RepositoryPaths.Profiles"/>. A profile with
/// errors throws on access with its errors in the message, so a broken YAML file fails loudly.
/// </summary>
public static class TestProfiles
{
    private static readonly Lazy<ProfileCatalog> LazyCatalog = new(() => ProfileCatalog.Load(RepositoryPaths.Profiles));

    public static ProfileCatalog Catalog => LazyCatalog.Value;

    public static Profile BackendSenior => Catalog.Get("backend-senior");

    public static Profile BackendMid => Catalog.Get("backend-mid");
}
