using Xunit;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// A fact that needs a <see cref="Tmpfs"/>. Where none can be mounted (not Linux, neither root nor passwordless sudo) it
/// is reported as skipped with the reason, never passed; CI runs as root, so it runs there.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable is { } why)
        {
            Skip = why;
        }
    }
}
