namespace ScreeningBot.Testing;

/// <summary>
/// Paths inside the repository, found by walking up from the test binaries to the folder that holds
/// <c>ScreeningBot.sln</c>, so tests read the shipped files (profiles, fixtures) rather than copies.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder containing ScreeningBot.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shipped screening profiles (<c>profiles/</c>).</summary>
    public static string Profiles => Path.Combine(Root, "profiles");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScreeningBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ScreeningBot.sln was not found in {AppContext.BaseDirectory} or any folder above it; run the tests from a clone of the repository.");
    }
}
