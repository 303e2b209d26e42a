namespace NetOrleans.Grains.Telemetry;

/// <summary>The attribute names on NetOrleans's spans and metrics.</summary>
public static class TagNames
{
    /// <summary>The network's id.</summary>
    public const string NetworkId = "netorleans.network.id";

    /// <summary>The layer, 1-based (layer 0 is the input).</summary>
    public const string Layer = "netorleans.layer";

    /// <summary>The neuron's index in its layer, 0-based (spans only, never a metric tag).</summary>
    public const string Neuron = "netorleans.neuron";

    /// <summary>The silo a span was recorded in, as HOST:PORT of its silo-to-silo endpoint (a silo's spans and Resource).</summary>
    public const string Silo = "netorleans.silo";

    /// <summary>B, the rows of the batch.</summary>
    public const string BatchSize = "netorleans.batch.size";

    /// <summary>The L2 norm of dL/dtheta (weights and bias) that a neuron's step followed.</summary>
    public const string GradientNorm = "netorleans.gradient.norm";

    /// <summary>The L2 norm of a neuron's theta (weights and bias) after its step.</summary>
    public const string WeightNorm = "netorleans.weight.norm";

    /// <summary>The batch's loss before the step (network.train_batch), or an epoch's training loss.</summary>
    public const string Loss = "netorleans.loss";

    /// <summary>An epoch's training accuracy, for classes.</summary>
    public const string Accuracy = "netorleans.accuracy";

    /// <summary>The job's id.</summary>
    public const string JobId = "netorleans.job.id";

    /// <summary>The epoch, 1-based.</summary>
    public const string Epoch = "netorleans.epoch";

    /// <summary>Which batches of an epoch a job traces: 0 the first, N every Nth.</summary>
    public const string TraceBatches = "netorleans.trace.batches";

    /// <summary>forward or backward, on netorleans.neuron.calls.</summary>
    public const string Pass = "netorleans.pass";

    /// <summary>train or test, on the loss and accuracy metrics.</summary>
    public const string Split = "netorleans.split";

    /// <summary>B pre-activations z (detail only, for netorleans explain).</summary>
    public const string Z = "netorleans.z";

    /// <summary>B activations a (detail only).</summary>
    public const string A = "netorleans.a";

    /// <summary>B deltas dL/dz (detail only).</summary>
    public const string Delta = "netorleans.delta";

    /// <summary>n + 1 gradients dL/dtheta, weights then bias (detail only).</summary>
    public const string Gradient = "netorleans.gradient";
}
