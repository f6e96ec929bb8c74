using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// The fitted sentence-level model: an ensemble of small regression trees over <see cref="SentenceFeatures"/>
/// (gradient boosting), read from <c>Data/cefr-model.json</c>. The fitting code and the command that writes the file
/// are in <c>tests/ScreeningBot.Benchmarks/CefrFit.cs</c>. Predictions are on the 1 (A1) – 6 (C2) scale.
/// </summary>
internal sealed class CefrModel
{
    private const string ResourceName = "ScreeningBot.Dialogs.Language.cefr-model.json";

    private static readonly Lazy<CefrModel> Shared = new(LoadEmbedded);

    private readonly CefrModelFile _file;

    private CefrModel(CefrModelFile file) => _file = file;

    public static CefrModel Embedded => Shared.Value;

    /// <summary>What the model was fitted on and how (written by the fitting tool; shown by <c>cefr-eval</c>).</summary>
    public string Description => _file.Description;

    public double Predict(ReadOnlySpan<double> features)
    {
        var sum = _file.Base;
        foreach (var tree in _file.Trees)
        {
            var node = 0;
            while (tree.Feature[node] >= 0)
            {
                node = features[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
            }

            sum += _file.LearningRate * tree.Value[node];
        }

        return Math.Clamp(sum, 1, 6);
    }

    /// <summary>Reads and checks a model file: feature names in <see cref="SentenceFeatures.Names"/>' order, trees well formed.</summary>
    /// <exception cref="InvalidDataException">The file does not describe a usable model (the message says what is wrong).</exception>
    public static CefrModel Parse(Stream json)
    {
        CefrModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, CefrModelJsonContext.Default.CefrModelFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the CEFR model is not valid JSON: {e.Message}", e);
        }

        if (file is null || !file.Features.SequenceEqual(SentenceFeatures.Names, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                "the CEFR model was fitted on other features than SentenceFeatures.Names; refit it (tests/ScreeningBot.Benchmarks/CefrFit.cs)");
        }

        foreach (var tree in file.Trees)
        {
            var n = tree.Feature.Length;
            if (n == 0 || tree.Threshold.Length != n || tree.Left.Length != n || tree.Right.Length != n || tree.Value.Length != n)
            {
                throw new InvalidDataException("a tree of the CEFR model has arrays of different lengths");
            }

            for (var k = 0; k < n; k++)
            {
                if (tree.Feature[k] >= SentenceFeatures.Count || (tree.Feature[k] >= 0 && (tree.Left[k] <= k || tree.Right[k] <= k || tree.Left[k] >= n || tree.Right[k] >= n)))
                {
                    throw new InvalidDataException($"node {k} of a tree of the CEFR model points outside the tree");
                }
            }
        }

        return new CefrModel(file);
    }

    private static CefrModel LoadEmbedded()
    {
        using var stream = typeof(CefrModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded model {ResourceName} is missing; check the EmbeddedResource item in ScreeningBot.Dialogs.csproj.");
        return Parse(stream);
    }
}

/// <summary>The JSON of <c>Data/cefr-model.json</c>.</summary>
internal sealed record CefrModelFile
{
    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<string> Features { get; init; } = [];

    public double Base { get; init; }

    public double LearningRate { get; init; }

    public IReadOnlyList<CefrTree> Trees { get; init; } = [];
}

/// <summary>One regression tree as parallel arrays; a node with <c>Feature</c> −1 is a leaf holding <c>Value</c>.</summary>
internal sealed record CefrTree(int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false, MaxDepth = 8)]
[JsonSerializable(typeof(CefrModelFile))]
internal sealed partial class CefrModelJsonContext : JsonSerializerContext;
