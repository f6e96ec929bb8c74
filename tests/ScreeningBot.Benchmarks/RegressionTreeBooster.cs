using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Benchmarks;

/// <summary>
/// Least-squares gradient boosting of small regression trees (Friedman 2001), level by level with exact splits over
/// pre-sorted features. Small and deterministic (seeded row subsampling), enough for a few thousand sentences and a
/// few dozen features; it writes the <see cref="CefrModelFile"/> that <see cref="CefrModel"/> reads.
/// </summary>
internal sealed class RegressionTreeBooster
{
    public int Trees { get; init; } = 300;

    public int Depth { get; init; } = 3;

    public double LearningRate { get; init; } = 0.05;

    public int MinLeaf { get; init; } = 20;

    /// <summary>L2 shrinkage of leaf values: a leaf predicts sum / (count + Lambda).</summary>
    public double Lambda { get; init; } = 5;

    public double Subsample { get; init; } = 0.8;

    public int Seed { get; init; } = 20;

    public CefrModelFile Fit(double[][] x, double[] y, string description)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Length;
        var features = x[0].Length;
        var order = new int[features][];
        for (var f = 0; f < features; f++)
        {
            var column = f;
            order[f] = Enumerable.Range(0, n).OrderBy(i => x[i][column]).ToArray();
        }

        var baseScore = y.Average();
        var prediction = Enumerable.Repeat(baseScore, n).ToArray();
        var residual = new double[n];
        var random = new Random(Seed);
        var inSample = new bool[n];
        var trees = new List<CefrTree>(Trees);
        for (var t = 0; t < Trees; t++)
        {
            for (var i = 0; i < n; i++)
            {
                residual[i] = y[i] - prediction[i];
                inSample[i] = random.NextDouble() < Subsample;
            }

            var tree = FitTree(x, residual, order, inSample);
            trees.Add(tree);
            for (var i = 0; i < n; i++)
            {
                prediction[i] += LearningRate * Leaf(tree, x[i]);
            }
        }

        return new CefrModelFile
        {
            Description = description,
            Features = SentenceFeatures.Names,
            Base = baseScore,
            LearningRate = LearningRate,
            Trees = trees,
        };
    }

    private static double Leaf(CefrTree tree, double[] row)
    {
        var node = 0;
        while (tree.Feature[node] >= 0)
        {
            node = row[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
        }

        return tree.Value[node];
    }

    private CefrTree FitTree(double[][] x, double[] r, int[][] order, bool[] inSample)
    {
        var n = r.Length;
        var features = order.Length;

        // Nodes are numbered as created; nodeOf maps each sampled row to its open node at the current level (−1 = out).
        var feature = new List<int> { -1 };
        var threshold = new List<double> { 0 };
        var left = new List<int> { 0 };
        var right = new List<int> { 0 };
        var value = new List<double> { 0 };
        var nodeOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            nodeOf[i] = inSample[i] ? 0 : -1;
        }

        var maxNodes = (2 << Depth) + 1;
        var sum = new double[maxNodes];
        var count = new int[maxNodes];
        var leftSum = new double[maxNodes];
        var leftCount = new int[maxNodes];
        var lastValue = new double[maxNodes];
        var bestGain = new double[maxNodes];
        var bestFeature = new int[maxNodes];
        var bestThreshold = new double[maxNodes];
        var open = new List<int> { 0 };
        for (var level = 0; level <= Depth && open.Count > 0; level++)
        {
            Array.Clear(sum);
            Array.Clear(count);
            for (var i = 0; i < n; i++)
            {
                if (nodeOf[i] >= 0)
                {
                    sum[nodeOf[i]] += r[i];
                    count[nodeOf[i]]++;
                }
            }

            foreach (var node in open)
            {
                value[node] = count[node] == 0 ? 0 : sum[node] / (count[node] + Lambda);
                bestGain[node] = 0;
                bestFeature[node] = -1;
            }

            if (level == Depth)
            {
                break;
            }

            for (var f = 0; f < features; f++)
            {
                Array.Clear(leftSum);
                Array.Clear(leftCount);
                foreach (var i in order[f])
                {
                    var node = nodeOf[i];
                    if (node < 0)
                    {
                        continue;
                    }

                    var v = x[i][f];
                    var lc = leftCount[node];
                    if (lc >= MinLeaf && v > lastValue[node] && count[node] - lc >= MinLeaf)
                    {
                        var ls = leftSum[node];
                        var rs = sum[node] - ls;
                        var gain = (ls * ls / (lc + Lambda)) + (rs * rs / (count[node] - lc + Lambda)) - (sum[node] * sum[node] / (count[node] + Lambda));
                        if (gain > bestGain[node])
                        {
                            bestGain[node] = gain;
                            bestFeature[node] = f;
                            bestThreshold[node] = (lastValue[node] + v) / 2;
                        }
                    }

                    leftSum[node] += r[i];
                    leftCount[node] = lc + 1;
                    lastValue[node] = v;
                }
            }

            var next = new List<int>();
            foreach (var node in open)
            {
                if (bestFeature[node] < 0)
                {
                    continue;
                }

                feature[node] = bestFeature[node];
                threshold[node] = bestThreshold[node];
                left[node] = feature.Count;
                right[node] = feature.Count + 1;
                for (var k = 0; k < 2; k++)
                {
                    feature.Add(-1);
                    threshold.Add(0);
                    left.Add(0);
                    right.Add(0);
                    value.Add(0);
                }

                next.Add(left[node]);
                next.Add(right[node]);
            }

            for (var i = 0; i < n; i++)
            {
                var node = nodeOf[i];
                if (node >= 0)
                {
                    nodeOf[i] = feature[node] < 0 ? -1 : (x[i][feature[node]] <= threshold[node] ? left[node] : right[node]);
                }
            }

            open = next;
        }

        return new CefrTree([.. feature], [.. threshold], [.. left], [.. right], [.. value]);
    }
}
