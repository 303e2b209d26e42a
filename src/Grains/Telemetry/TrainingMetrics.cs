using System.Diagnostics.Metrics;

namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// The instruments on the <see cref="TrainingTelemetry.Meter"/>. Tags are the network, the layer, the pass and the
/// split; never a neuron (a 784-64-10 network would make 74 series of every instrument).
/// </summary>
public static class TrainingMetrics
{
    /// <summary>An epoch's mean loss, by network and split (train or test).</summary>
    public static readonly Gauge<double> Loss = TrainingTelemetry.Meter.CreateGauge<double>(
        "netorleans.training.loss", description: "mean loss over a split after an epoch");

    /// <summary>An epoch's accuracy, by network and split, for classes.</summary>
    public static readonly Gauge<double> Accuracy = TrainingTelemetry.Meter.CreateGauge<double>(
        "netorleans.training.accuracy", description: "accuracy over a split after an epoch");

    /// <summary>Samples trained on, by network.</summary>
    public static readonly Counter<long> Samples = TrainingTelemetry.Meter.CreateCounter<long>(
        "netorleans.training.samples", "{sample}", "samples trained on");

    /// <summary>Forward and backward calls of neurons, by network, layer and pass.</summary>
    public static readonly Counter<long> NeuronCalls = TrainingTelemetry.Meter.CreateCounter<long>(
        "netorleans.neuron.calls", "{call}", "forward and backward calls of neurons");

    /// <summary>The time of one network.train_batch, by network.</summary>
    public static readonly Histogram<double> BatchDuration = TrainingTelemetry.Meter.CreateHistogram<double>(
        "netorleans.training.batch.duration", "s", "time of one training batch through the network");
}
