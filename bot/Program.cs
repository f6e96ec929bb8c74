using ScreeningBot.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScreeningBot();

var app = builder.Build();
app.MapScreeningBotEndpoints();

await app.RunAsync();
