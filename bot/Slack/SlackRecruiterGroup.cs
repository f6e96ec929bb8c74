using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Membership of the recruiter user group (<c>Slack:RecruiterUserGroup</c>), read with <c>usergroups.users.list</c> and
/// reused for <see cref="SlackOptions.RecruiterUserGroupCacheDuration"/>. A failed lookup grants nothing.
/// </summary>
internal sealed class SlackRecruiterGroup(SlackWebApiClient slack, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackRecruiterGroup> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HashSet<string> _members = new(StringComparer.Ordinal);
    private DateTimeOffset _expiresAt = DateTimeOffset.MinValue;

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
