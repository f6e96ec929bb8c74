using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Hosting;

/// <summary>
/// Resolves what the bot cannot run without (profiles, the judge) when the host starts, so a wrong
/// <c>Screening:ProfilesPath</c> or <c>Judge:Provider</c> stops start-up with its message instead of failing the first interview.
/// </summary>
internal sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IProfileSource>();
        _ = services.GetRequiredService<IAnswerJudge>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
