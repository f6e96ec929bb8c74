using YamlDotNet.Core;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>YamlDotNet counts lines as <see cref="long"/>; files are at most 256 KiB, so an int always holds them.</summary>
internal static class YamlLines
{
    public static int Of(Mark mark) => (int)Math.Clamp(mark.Line, 0, int.MaxValue);
}
