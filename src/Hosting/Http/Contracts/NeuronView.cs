using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>
/// Neuron i of layer l: its n weights and bias, steps, optimizer and the norms of its moments, the silo it lives on,
/// the calls it answered, its last activations and, when the silo traces, its recent spans.
/// </summary>
public sealed record NeuronView(
    string Network,
    int Layer,
    int Index,
    string Activation,
    double[] Weights,
    double Bias,
    long Steps,
    OptimizerView Optimizer,
    double? MomentNormM,
    double? MomentNormV,
    string Silo,
    NeuronCallCounts Calls,
    double[] LastActivations,
    IReadOnlyList<SpanView> RecentSpans);
