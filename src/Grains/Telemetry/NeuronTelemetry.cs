using System.Diagnostics;
using System.Numerics.Tensors;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// What one neuron grain reports: its neuron.forward and neuron.backward spans (only under a recorded span of its
/// caller) and its share of netorleans.neuron.calls, tagged by network, layer and pass (never by neuron).
/// </summary>
internal sealed class NeuronTelemetry
{
    private static readonly KeyValuePair<string, object?> ForwardPass = new(TagNames.Pass, "forward");
    private static readonly KeyValuePair<string, object?> BackwardPass = new(TagNames.Pass, "backward");

    /// <summary>Layer numbers boxed once for every neuron's tags.</summary>
    private static readonly object[] Layers = Enumerable.Range(0, 64).Select(l => (object)l).ToArray();

    // A neuron keeps these for its life, so they are few: its network's id is interned (one string for all its neurons).
    private readonly string _network;
    private readonly int _layer;
    private readonly int _index;

    /// <param name="key">the neuron grain's key, "{network}/{layer}/{index}"</param>
    public NeuronTelemetry(string key)
    {
        var (network, layer, index) = NeuronKeys.Parse(key);
        _network = string.Intern(network);
        _layer = layer;
        _index = index;
    }

    private KeyValuePair<string, object?> NetworkTag => new(TagNames.NetworkId, _network);

    private KeyValuePair<string, object?> LayerTag => new(TagNames.Layer, _layer < Layers.Length ? Layers[_layer] : _layer);

    /// <summary>Counts a forward call and starts its span, if the caller's call is traced.</summary>
    public Activity? StartForward(int batch)
    {
        TrainingMetrics.NeuronCalls.Add(1, NetworkTag, LayerTag, ForwardPass);
        return Start(SpanNames.NeuronForward, batch);
    }

    /// <summary>Counts a backward call and starts its span, if the caller's call is traced.</summary>
    public Activity? StartBackward(int batch)
    {
        TrainingMetrics.NeuronCalls.Add(1, NetworkTag, LayerTag, BackwardPass);
        return Start(SpanNames.NeuronBackward, batch);
    }

    /// <summary>With detail asked for: z (worked out again, only then) and a on the forward span.</summary>
    /// <param name="span">the forward span</param>
    /// <param name="x">B x n inputs</param>
    /// <param name="theta">n + 1 parameters the pass used</param>
    /// <param name="a">B activations</param>
    public static void Forward(Activity span, ReadOnlySpan<double> x, double[] theta, double[] a)
    {
        if (!span.IsAllDataRequested || !TrainingTelemetry.DetailRequested)
        {
            return;
        }

        var z = new double[a.Length];
        NeuronKernel.Forward(x, theta, z);
        span.SetTag(TagNames.Z, z);
        span.SetTag(TagNames.A, a);
    }

    /// <summary>The gradient's norm and the weights' norm after the step; with detail, delta and the gradient too.</summary>
    /// <param name="span">the backward span</param>
    /// <param name="step">what the step computed</param>
    /// <param name="thetaAfter">n + 1 parameters after the step</param>
    public static void Backward(Activity span, NeuronStep step, double[] thetaAfter)
    {
        if (!span.IsAllDataRequested)
        {
            return;
        }

        span.SetTag(TagNames.GradientNorm, TensorPrimitives.Norm<double>(step.Grad));
        span.SetTag(TagNames.WeightNorm, TensorPrimitives.Norm<double>(thetaAfter));
        if (TrainingTelemetry.DetailRequested)
        {
            span.SetTag(TagNames.Delta, step.Delta);
            span.SetTag(TagNames.Gradient, step.Grad);
        }
    }

    private Activity? Start(string name, int batch)
    {
        var span = TrainingTelemetry.StartChild(name);
        if (span is { IsAllDataRequested: true })
        {
            span.DisplayName = $"{name} L{_layer}/N{_index}"; // the operation name stays "neuron.forward" for queries
            span.SetTag(TagNames.NetworkId, _network);
            span.SetTag(TagNames.Layer, _layer);
            span.SetTag(TagNames.Neuron, _index);
            span.SetTag(TagNames.BatchSize, batch);
        }

        return span;
    }
}
