namespace ScreeningBot.Dialogs.Storage;

/// <summary>The one order every <see cref="IPostedMessageStore"/> lists in: oldest post first, its parts in order.</summary>
public static class PostedMessages
{
    public static IReadOnlyList<PostedMessage> InOrder(IEnumerable<PostedMessage> messages) =>
        [.. messages.OrderBy(m => m.PostedAt).ThenBy(m => m.InterviewId, StringComparer.Ordinal).ThenBy(m => m.Part).ThenBy(m => m.Key, StringComparer.Ordinal)];
}
