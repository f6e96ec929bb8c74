namespace ScreeningBot.Bot.Judging;

/// <summary>Which judge scores answers (<c>Judge:Provider</c>).</summary>
internal enum JudgeProvider
{
    /// <summary>The offline <c>RubricJudge</c>: no network, deterministic. The default.</summary>
    Rubric,

    /// <summary>An Azure OpenAI deployment (<c>Judge:Endpoint</c> + <c>Judge:Deployment</c>), by API key or Entra ID.</summary>
    AzureOpenAI,

    /// <summary>OpenAI or any OpenAI-compatible endpoint (Ollama, vLLM, LM Studio): <c>Judge:Endpoint</c> + <c>Judge:Model</c>.</summary>
    OpenAI,
}
