namespace ScreeningBot.Bot.Tests.Infra;

/// <summary>Finds files of the repository from the test's output folder.</summary>
/// <remarks>Replace with the shared RepositoryPaths helper from tests/ScreeningBot.Testing once it lands.</remarks>
internal static class InfraFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds ScreeningBot.sln.</summary>
    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"Expected {relativePath} in the repository at {Root}.");
        return File.ReadAllText(path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScreeningBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ScreeningBot.sln in {AppContext.BaseDirectory} or any folder above it; run the tests from a clone of the repository.");
    }
}
