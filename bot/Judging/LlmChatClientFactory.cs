using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ScreeningBot.Bot.Judging;

/// <summary>
/// Builds the <see cref="IChatClient"/> for <see cref="LlmJudgeOptions"/>: Azure OpenAI through Azure.AI.OpenAI (API key,
/// or Entra ID through DefaultAzureCredential when there is no key), or any OpenAI-compatible endpoint through the
/// OpenAI client. The SDK's own retries are off: <see cref="LlmCall"/> retries within its deadline, and SDK retries
/// would wait behind its back.
/// </summary>
internal static class LlmChatClientFactory
{
    /// <summary>The key sent to OpenAI-compatible servers that need none (Ollama, vLLM, LM Studio); the SDK insists on one.</summary>
    public const string NoKey = "no-key";

    public static IChatClient Create(LlmJudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Our deadline (LlmCall) cancels first; this only stops a socket from hanging forever if a caller forgets one.
        var networkTimeout = TimeSpan.FromSeconds(Math.Max(options.TimeoutSeconds, options.NarrativeTimeoutSeconds) + 30);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        switch (options.Provider)
        {
            case JudgeProvider.AzureOpenAI:
                var azureOptions = new AzureOpenAIClientOptions { RetryPolicy = noRetries, NetworkTimeout = networkTimeout };
                var endpoint = new Uri(Required(options.Endpoint, "Judge:Endpoint"));
                var azure = string.IsNullOrWhiteSpace(options.ApiKey)
                    ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), azureOptions)
                    : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), azureOptions);
                return azure.GetChatClient(Required(options.Deployment, "Judge:Deployment")).AsIChatClient();

            case JudgeProvider.OpenAI:
                var openAiOptions = new OpenAIClientOptions { RetryPolicy = noRetries, NetworkTimeout = networkTimeout };
                if (!string.IsNullOrWhiteSpace(options.Endpoint))
                {
                    openAiOptions.Endpoint = new Uri(options.Endpoint);
                }

                var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
                return new OpenAIClient(new ApiKeyCredential(key), openAiOptions).GetChatClient(Required(options.Model, "Judge:Model")).AsIChatClient();

            default:
                throw new InvalidOperationException($"Judge:Provider is {options.Provider}; an LLM chat client needs AzureOpenAI or OpenAI.");
        }
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{key} is empty; see the README, section LLM judge.") : value;
}
