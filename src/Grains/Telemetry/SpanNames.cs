namespace NetOrleans.Grains.Telemetry;

/// <summary>The names of NetOrleans's spans, from the client's command down to one neuron's pass.</summary>
public static class SpanNames
{
    /// <summary>A server-side training run, from start to end.</summary>
    public const string TrainingJob = "training.job";

    /// <summary>One epoch of a job: its batches and the evaluation after them.</summary>
    public const string TrainingEpoch = "training.epoch";

    /// <summary>One optimizer step of a network on one batch.</summary>
    public const string TrainBatch = "network.train_batch";

    /// <summary>One forward pass of a network over a batch, without training.</summary>
    public const string Predict = "network.predict";

    /// <summary>One neuron's a = f(X w + b) over a batch.</summary>
    public const string NeuronForward = "neuron.forward";

    /// <summary>One neuron's delta, gradient and optimizer step over a batch.</summary>
    public const string NeuronBackward = "neuron.backward";

    /// <summary>The prefix of the client's root spans: "netorleans.train", "netorleans.predict", "netorleans.explain".</summary>
    public const string CommandPrefix = "netorleans.";
}
