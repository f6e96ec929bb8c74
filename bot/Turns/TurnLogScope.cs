using System.Collections;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// The log scope of one turn (channel, conversation, delivery), as structured values: one small object per turn instead of a
/// dictionary, read by log providers that show scopes.
/// </summary>
internal sealed class TurnLogScope(string channel, string conversationId, string? deliveryId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Channel", channel),
        1 => new("ConversationId", conversationId),
        2 => new("DeliveryId", deliveryId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Channel:{channel} ConversationId:{conversationId} DeliveryId:{deliveryId}";
}
