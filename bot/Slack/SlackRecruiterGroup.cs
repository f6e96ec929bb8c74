using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Makes members of the recruiter user group (<c>Slack:RecruiterUserGroup</c>) recruiters on Slack: membership is read with
/// <c>usergroups.users.list</c> and reused for <see cref="SlackOptions.RecruiterUserGroupCacheDuration"/>. A failed lookup
/// grants nothing.
/// </summary>
internal sealed class SlackRecruiterGroup(SlackWebApiClient slack, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackRecruiterGroup> logger) : IRecruiterRule, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HashSet<string> _members = new(StringComparer.Ordinal);
    private DateTimeOffset _expiresAt = DateTimeOffset.MinValue;

    /// <summary>Asked for commands typed in Slack itself (not through Azure Bot Service, whose user ids carry the workspace).</summary>
    public async ValueTask<bool> VouchesForAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Conversation is { ChannelId: SlackConversationChannel.ChannelId, ViaBotFramework: false }
            && await IsMemberAsync(turn.From.Id, cancellationToken);
    }

    public async Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var settings = options.Value;
        if (settings.RecruiterUserGroup.Length == 0)
        {
            return false;
        }

        if (time.GetUtcNow() >= _expiresAt)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (time.GetUtcNow() >= _expiresAt)
                {
                    var members = await slack.ListUserGroupMembersAsync(settings.RecruiterUserGroup, cancellationToken);
                    _members = new HashSet<string>(members, StringComparer.Ordinal);
                    _expiresAt = time.GetUtcNow() + settings.RecruiterUserGroupCacheDuration;
                }
            }
            catch (SlackApiException e)
            {
                SlackLog.UserGroupLookupFailed(logger, settings.RecruiterUserGroup, e.ErrorCode.Value);
                return false;
            }
            finally
            {
                _gate.Release();
            }
        }

        return _members.Contains(userId);
    }

    public void Dispose() => _gate.Dispose();
}
