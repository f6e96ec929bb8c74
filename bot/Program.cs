using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Hosting;

if (CommandLine.IsVerb(args))
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    return await CommandLine.RunAsync(args, cancellation.Token);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddScreeningBot();

var app = builder.Build();
if (ListenAddressCheck.FindAddressInUse(app.Configuration) is { } taken)
{
    await Console.Error.WriteLineAsync(ListenAddressCheck.Describe(taken));
    return ListenAddressCheck.ExitCode;
}

app.MapScreeningBotEndpoints();

try
{
    await app.RunAsync();
}
catch (Exception e) when (ListenAddressCheck.IsAddressInUse(e))
{
    await Console.Error.WriteLineAsync(ListenAddressCheck.Describe(app.Configuration["urls"] ?? "the configured address"));
    return ListenAddressCheck.ExitCode;
}

return 0;
