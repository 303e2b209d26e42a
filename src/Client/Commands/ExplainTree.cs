using System.Diagnostics;
using System.Globalization;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Telemetry;
using Spectre.Console;

namespace NetOrleans.Client.Commands;

/// <summary>
/// Draws what the neurons' spans of one explained sample say, as a tree: layer, neuron, then z, a, delta and
/// dL/dw, dL/db. Hidden neurons are h1, h2, ... (h1.1, h2.1, ... with several hidden layers), outputs o1, o2, ...;
/// weights and biases are numbered through the whole network in parameter order, as in the tutorial (w1 .. w6, b1 .. b3).
/// </summary>
public static class ExplainTree
{
    private const int MaxWeightsShown = 8;

    /// <summary>Writes the tree to the command's output.</summary>
    /// <param name="context">where to write</param>
    /// <param name="spec">the network</param>
    /// <param name="x">n_0 raw inputs</param>
    /// <param name="y">k targets, or null for a forward pass only</param>
    /// <param name="loss">the loss before the step, with a target</param>
    /// <param name="spans">the spans of the explained call</param>
    public static void Write(CommandContext context, NetworkSpec spec, double[] x, double[]? y, double? loss, IReadOnlyList<Activity> spans)
    {
        var forward = Index(spans, SpanNames.NeuronForward);
        var backward = Index(spans, SpanNames.NeuronBackward);
        var tree = new Tree(new Text($"{spec.Shape} network, one sample, as its neurons' spans tell it"));
        tree.AddNode(new Text($"input x = {Join(x)}, x' = (x - shift) / scale = {Join(NetworkMath.ScaleInputs(spec, x))}"));
        var w = 0;
        var output = new double[spec.Outputs];
        for (var l = 1; l <= spec.Layers.Count; l++)
        {
            var layer = spec.Layers[l - 1];
            var isOutput = l == spec.Layers.Count;
            var layerNode = tree.AddNode(new Text($"layer {l} ({layer.Activation.Name()}{(isOutput ? ", output" : "")})"));
            for (var j = 0; j < layer.Size; j++)
            {
                var node = layerNode.AddNode(new Text($"{Name(spec, l, j)} (layer {l}, neuron {j})"));
                if (forward.TryGetValue((l, j), out var f))
                {
                    node.AddNode(new Text($"z = {Join(Values(f, TagNames.Z))}"));
                    var a = Values(f, TagNames.A);
                    node.AddNode(new Text($"a = {Join(a)}"));
                    if (isOutput && a.Length == 1)
                    {
                        output[j] = a[0];
                    }
                }
                else
                {
                    node.AddNode(new Text("no neuron.forward span recorded"));
                }

                if (backward.TryGetValue((l, j), out var b))
                {
                    node.AddNode(new Text($"delta = dL/dz = {Join(Values(b, TagNames.Delta))}"));
                    node.AddNode(new Text(Gradient(Values(b, TagNames.Gradient), w, l, j, spec)));
                }

                w += spec.FanIn(l - 1);
            }
        }

        NetworkMath.FinishOutput(spec, output);
        var outputs = string.Join(", ", output.Select((v, j) => $"o{j + 1} = {Number(v)}"));
        var target = y is null ? "no target: forward pass only" : $"target {Join(y)}, loss ({spec.Loss.Name()}) {Number(loss ?? double.NaN)}";
        tree.AddNode(new Text($"output {outputs}; {target}"));

        OutConsole.Of(context).Write(tree);
    }

    /// <summary>"dL/dw1 = .., dL/dw2 = .., dL/db1 = .." for one neuron whose first weight is w(first + 1).</summary>
    private static string Gradient(double[] grad, int first, int layer, int index, NetworkSpec spec)
    {
        if (grad.Length == 0)
        {
            return "no gradient recorded";
        }

        var n = grad.Length - 1;
        var shown = Enumerable.Range(0, Math.Min(n, MaxWeightsShown)).Select(i => $"dL/dw{first + i + 1} = {Number(grad[i])}");
        var more = n > MaxWeightsShown ? $", ... ({n - MaxWeightsShown} more weights)" : "";
        var bias = NeuronNumber(spec, layer, index) + 1;
        return $"gradient: {string.Join(", ", shown)}{more}, dL/db{bias} = {Number(grad[n])}";
    }

    /// <summary>h1, h2, .. for the one hidden layer (h{l}.{j} with several), o1, o2, .. for the output layer.</summary>
    private static string Name(NetworkSpec spec, int layer, int index)
    {
        if (layer == spec.Layers.Count)
        {
            return $"o{index + 1}";
        }

        return spec.Layers.Count == 2 ? $"h{index + 1}" : $"h{layer}.{index + 1}";
    }

    /// <summary>The neuron's 0-based position counting every neuron of the layers before it.</summary>
    private static int NeuronNumber(NetworkSpec spec, int layer, int index) => spec.Layers.Take(layer - 1).Sum(l => l.Size) + index;

    private static Dictionary<(int Layer, int Neuron), Activity> Index(IReadOnlyList<Activity> spans, string name) =>
        spans.Where(s => s.OperationName == name && s.GetTagItem(TagNames.Layer) is int && s.GetTagItem(TagNames.Neuron) is int)
            .ToDictionary(s => ((int)s.GetTagItem(TagNames.Layer)!, (int)s.GetTagItem(TagNames.Neuron)!));

    private static double[] Values(Activity span, string tag) => span.GetTagItem(tag) as double[] ?? [];

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(Number));

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
