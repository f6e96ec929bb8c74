using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace ScreeningBot.Testing;

/// <summary>The <c>[GeneratedRegex]</c> methods of an assembly, for the RegexDeterminismTests of dialogs and bot.</summary>
public static class GeneratedRegexes
{
    /// <summary>Every <c>[GeneratedRegex]</c> method of <paramref name="assembly"/>.</summary>
    public static IEnumerable<MethodInfo> In(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null);
    }

    /// <summary>The full names (<c>Type.Method</c>) of <see cref="In"/>, for a theory's data.</summary>
    public static IEnumerable<string> Names(Assembly assembly) => In(assembly).Select(NameOf);

    /// <summary>Asserts the regex named <paramref name="name"/> has no wall-clock match timeout.</summary>
    public static void AssertNoTimeout(Assembly assembly, string name)
    {
        var method = In(assembly).Single(m => NameOf(m) == name);

        var regex = (Regex)method.Invoke(null, null)!;

        Assert.True(regex.MatchTimeout == Regex.InfiniteMatchTimeout, $"{name} times out after {regex.MatchTimeout}: a result would depend on machine load.");
    }

    private static string NameOf(MethodInfo method) => $"{method.DeclaringType!.FullName}.{method.Name}";
}
