using Xunit;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// A fact that needs a <see cref="Tmpfs"/>. Where none can be mounted (not Linux, neither root nor passwordless sudo) it
/// is reported as skipped with the reason, never passed; with <see cref="RequireVariable"/> set to 1 (.ci/run sets it) it
/// runs anyway and fails with that reason, so CI cannot go green without it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TmpfsFactAttribute : FactAttribute
{
    /// <summary>Set to 1 to make a missing tmpfs a failure instead of a skip.</summary>
    public const string RequireVariable = "SCREENINGBOT_REQUIRE_TMPFS";

    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable is { } why && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = why;
        }
    }
}
