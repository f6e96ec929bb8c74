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
app.MapScreeningBotEndpoints();

await app.RunAsync();
return 0;
