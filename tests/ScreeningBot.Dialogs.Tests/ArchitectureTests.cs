using System.Reflection;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void DialogsAssembly_ReferencesNoAspNetAzureOrHttp()
    {
        var references = typeof(InterviewService).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        var forbidden = references.Where(n =>
            n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || n.StartsWith("Azure", StringComparison.Ordinal)
            || n.StartsWith("System.Net.Http", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)).ToArray();

        Assert.True(forbidden.Length == 0, $"dialogs/ must stay pure, but references: {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void DialogsAssembly_ExposesNoTypeFromAForbiddenNamespaceInItsApi()
    {
        var leaking = typeof(InterviewService).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Where(t => t.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true || t.Namespace?.StartsWith("Azure", StringComparison.Ordinal) == true)
            .ToArray();

        Assert.Empty(leaking);
    }
}
