using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Judging;

/// <summary>
/// The <c>Judge</c> section: which judge scores answers and, for an LLM, how to reach it and how much it may spend.
/// <c>Judge:ApiKey</c> is a secret: set it through the environment (<c>Judge__ApiKey</c>) or user-secrets, never in the
/// committed appsettings.json. With <see cref="JudgeProvider.AzureOpenAI"/> and no key, the bot signs in with
/// DefaultAzureCredential (managed identity in Azure, your az/Visual Studio login locally).
/// </summary>
internal sealed class LlmJudgeOptions : IValidatableObject
{
    public const string SectionName = "Judge";

    /// <summary>The offline rubric judge unless an LLM is configured: it needs no network, account or money.</summary>
    public JudgeProvider Provider { get; set; } = JudgeProvider.Rubric;

    /// <summary>
    /// Azure: the resource endpoint (<c>https://my-resource.openai.azure.com/</c>). OpenAI-compatible: the base URL
    /// including <c>/v1</c> (<c>http://localhost:11434/v1</c> for Ollama); empty means api.openai.com.
    /// </summary>
    [MaxLength(2048)]
    public string? Endpoint { get; set; }

    /// <summary>Azure OpenAI deployment name (Azure routes by deployment, not by model).</summary>
    [MaxLength(256)]
    public string? Deployment { get; set; }

    /// <summary>Model name for OpenAI-compatible endpoints, e.g. <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>.</summary>
    [MaxLength(256)]
    public string? Model { get; set; }

    /// <summary>The API key (secret). Optional for Azure (Entra ID is used without one) and for local servers such as Ollama.</summary>
    [MaxLength(4096)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// The most one answer's judgment may take, retries and Retry-After waits included; then the rubric judge answers.
    /// Ten seconds: the candidate waits for the next question meanwhile, Teams expects a reply well within 15 s, and a
    /// hosted model usually judges in 1–5 s.
    /// </summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The most the scorecard narrative may take. Sixty seconds: it is written by the scoring job, away from the
    /// conversation, and must finish well inside the queue's five-minute visibility timeout.
    /// </summary>
    [Range(1, 600)]
    public int NarrativeTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// LLM tokens (input + output) one interview may spend on judgments and its narrative; past it the rubric judge
    /// answers and the template narrative is kept. 100,000 fits about 30 judgments of long answers plus the
    /// narrative, which is more than a screen asks, so only a runaway interview reaches it.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int MaxTokensPerInterview { get; set; } = 100_000;

    /// <summary>Completion tokens per call. A judgment is about 150–300 tokens; 800 leaves room without letting a model ramble.</summary>
    [Range(64, 16_384)]
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>
    /// Characters of an answer sent to the model (longer answers are cut and the model is told so). 8,000 characters
    /// is about 2,000 tokens, several times a thorough interview answer.
    /// </summary>
    [Range(500, 20_000)]
    public int MaxAnswerChars { get; set; } = 8_000;

    /// <summary>Sampling temperature. Zero: a judge should give the same answer the same score. Empty for models that reject it.</summary>
    [Range(0.0, 2.0)]
    public double? Temperature { get; set; } = 0.0;

    /// <summary>USD per 1,000 input tokens, for the cost estimate in reports; empty means unknown (no estimate).</summary>
    [Range(0.0, 1_000.0)]
    public decimal? InputPricePer1KTokensUsd { get; set; }

    /// <summary>USD per 1,000 output tokens, for the cost estimate in reports; empty means unknown (no estimate).</summary>
    [Range(0.0, 1_000.0)]
    public decimal? OutputPricePer1KTokensUsd { get; set; }

    public bool IsLlm => Provider != JudgeProvider.Rubric;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan NarrativeTimeout => TimeSpan.FromSeconds(NarrativeTimeoutSeconds);

    /// <summary>What reports call the model: the deployment or model name.</summary>
    public string ModelName => Provider == JudgeProvider.AzureOpenAI ? Deployment ?? "?" : Model ?? "?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (Provider)
        {
            case JudgeProvider.AzureOpenAI:
                if (string.IsNullOrWhiteSpace(Endpoint))
                {
                    yield return new ValidationResult(
                        "Judge:Provider is AzureOpenAI but Judge:Endpoint is empty. Set it to your resource's endpoint, e.g. https://my-resource.openai.azure.com/ (Azure portal, resource, Keys and Endpoint), or use Judge:Provider=Rubric.",
                        [nameof(Endpoint)]);
                }
                else if (EndpointProblem(Endpoint) is { } problem)
                {
                    yield return new ValidationResult($"Judge:Endpoint '{Endpoint}' {problem}", [nameof(Endpoint)]);
                }

                if (string.IsNullOrWhiteSpace(Deployment))
                {
                    yield return new ValidationResult(
                        "Judge:Provider is AzureOpenAI but Judge:Deployment is empty. Set it to the name of your model deployment (Azure AI Foundry, Deployments).",
                        [nameof(Deployment)]);
                }

                break;

            case JudgeProvider.OpenAI:
                if (string.IsNullOrWhiteSpace(Model))
                {
                    yield return new ValidationResult(
                        "Judge:Provider is OpenAI but Judge:Model is empty. Set it to the model to call, e.g. gpt-4o-mini, or llama3.1:8b on Ollama.",
                        [nameof(Model)]);
                }

                if (!string.IsNullOrWhiteSpace(Endpoint) && EndpointProblem(Endpoint) is { } openAiProblem)
                {
                    yield return new ValidationResult($"Judge:Endpoint '{Endpoint}' {openAiProblem}", [nameof(Endpoint)]);
                }
                else if (string.IsNullOrWhiteSpace(Endpoint) && string.IsNullOrWhiteSpace(ApiKey))
                {
                    yield return new ValidationResult(
                        "Judge:Provider is OpenAI with no Judge:Endpoint (api.openai.com) but Judge:ApiKey is empty. Set the key through the environment (Judge__ApiKey), or set Judge:Endpoint to a local OpenAI-compatible server such as http://localhost:11434/v1.",
                        [nameof(ApiKey)]);
                }

                break;
        }

        if (InputPricePer1KTokensUsd.HasValue != OutputPricePer1KTokensUsd.HasValue)
        {
            yield return new ValidationResult(
                "Set both Judge:InputPricePer1KTokensUsd and Judge:OutputPricePer1KTokensUsd (USD per 1,000 tokens, from your price list), or neither; a cost estimate needs both.",
                [nameof(InputPricePer1KTokensUsd), nameof(OutputPricePer1KTokensUsd)]);
        }
    }

    /// <summary>Why <paramref name="endpoint"/> cannot be used, or null. Plain HTTP is allowed only to this machine, so a key never crosses a network in clear text.</summary>
    private static string? EndpointProblem(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "is not an absolute http(s) URL; write it like https://my-resource.openai.azure.com/ or http://localhost:11434/v1.";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
            ? "uses plain http to another machine, which would send the API key and candidate answers unencrypted; use https (plain http is accepted for localhost only)."
            : null;
    }
}
