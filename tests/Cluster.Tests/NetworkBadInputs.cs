using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Bad requests to network grains: wrong dimensions, values that are not finite, impossible specs and optimizers, unknown ids.</summary>
public static class NetworkBadInputs
{
    private static readonly double[] TwoRows = [133, 65, 160, 72];
    private static readonly double[] TwoTargets = [0, 1, 1, 0];

    public static IEnumerable<BadInput> Rows() =>
    [
        // Wrong dimensions and values that are not finite, against the world's trained 2-3-2 network.
        BadInput.Of<ArgumentException>("predict a row of 3 values on a 2-input network", w => w.World.Predict(new double[] { 133, 65, 1 }), "input of 3 values", "rows of 2"),
        BadInput.Of<ArgumentException>("predict no values at all", w => w.World.Predict(Array.Empty<double>()), "input of 0 values", "rows of 2"),
        BadInput.Of<ArgumentException>("predict with NaN in row 2", w => w.World.Predict(new double[] { 133, 65, double.NaN, 72 }), "input row 2 column 1 is NaN", "not a finite number"),
        BadInput.Of<ArgumentException>("predict with +infinity", w => w.World.Predict(new double[] { 133, double.PositiveInfinity }), "input row 1 column 2", "not a finite number"),
        BadInput.Of<ArgumentException>("train on inputs 5 values wide", w => w.World.TrainBatch(new double[] { 133, 65, 160, 72, 1 }, TwoTargets), "input of 5 values", "rows of 2"),
        BadInput.Of<ArgumentException>("train on targets 3 values wide for 2 outputs", w => w.World.TrainBatch(new double[] { 133, 65 }, new double[] { 0, 1, 0 }), "target of 3 values", "rows of 2"),
        BadInput.Of<ArgumentException>("train on 2 input rows and 1 target row", w => w.World.TrainBatch(TwoRows, new double[] { 0, 1 }), "2 input rows but 1 target rows"),
        BadInput.Of<ArgumentException>("train on an empty batch", w => w.World.TrainBatch(Array.Empty<double>(), Array.Empty<double>()), "input of 0 values"),
        BadInput.Of<ArgumentException>("train with NaN in the inputs", w => w.World.TrainBatch(new double[] { 133, 65, 160, double.NaN }, TwoTargets), "input row 2 column 2 is NaN"),
        BadInput.Of<ArgumentException>("train with -infinity in the targets", w => w.World.TrainBatch(TwoRows, new double[] { 0, 1, double.NegativeInfinity, 0 }), "target row 2 column 1", "not a finite number"),
        BadInput.Of<ArithmeticException>(
            "train a relu/linear network on finite inputs so large that its output overflows",
            w => w.Network(w.Scratch("huge")).TrainBatch(new[] { 1e308, 1e308 }, new double[] { 0 }),
            "neuron {row}/huge/2/0", "not a finite number", "no step taken") with
        {
            Arrange = w => w.Network(w.Scratch("huge")).Create(BadInputWorld.SmallModel("relu", "linear"), BadInputWorld.Sgd, replace: false, history: []),
            Watch = ["huge"],
        },
        BadInput.Of<ArithmeticException>(
            "train a relu/softmax network on finite inputs so large that its logits overflow",
            w => w.Network(w.Scratch("huge")).TrainBatch(new[] { 1e308, 1e308 }, new double[] { 0, 1 }),
            "the loss became NaN; network '{row}/huge' is back at its last checkpoint (0 epochs, 0 steps)") with
        {
            Arrange = w => w.Network(w.Scratch("huge")).Create(BadInputWorld.SmallModel("relu", "softmax", "cross-entropy", outputs: 2), BadInputWorld.Adam, replace: false, history: []),
            Watch = ["huge"],
        },

        // Optimizers that cannot work, on the world network and on new ones.
        BadInput.Of<ArgumentException>("set a NaN learning rate", w => w.World.SetOptimizer(BadInputWorld.Sgd with { LearningRate = double.NaN }), "learning rate must be a positive finite number, got NaN"),
        BadInput.Of<ArgumentException>("set an unknown optimizer", w => w.World.SetOptimizer(BadInputWorld.Sgd with { Kind = OptimizerKinds.Parse("rmsprop") }), "unknown optimizer 'rmsprop'"),
        Create("create with a negative learning rate", BadInputWorld.Sgd with { LearningRate = -0.1 }, "learning rate", "got -0.1"),
        Create("create with a zero learning rate", BadInputWorld.Sgd with { LearningRate = 0 }, "learning rate", "got 0"),
        Create("create with an infinite learning rate", BadInputWorld.Sgd with { LearningRate = double.PositiveInfinity }, "learning rate", "positive finite"),
        Create("create with an unknown optimizer", () => BadInputWorld.Sgd with { Kind = OptimizerKinds.Parse("lbfgs") }, "unknown optimizer 'lbfgs'"),
        Create("create with Adam's beta1 of 1", BadInputWorld.Adam with { Beta1 = 1 }, "beta1 and beta2 must be in [0, 1)"),

        // Specs that cannot be a network: nothing may be created, not even one neuron.
        Create("create with a layer of 0 neurons", Spec(2, [(0, "sigmoid"), (1, "sigmoid")]), "layer 1 must have between 1 and 100000 neurons, got 0"),
        Create("create with 10^6 neurons in a layer", Spec(2, [(1_000_000, "sigmoid"), (1, "sigmoid")]), "layer 1 must have between 1 and 100000 neurons, got 1000000"),
        Create("create with 10^7 inputs", Spec(10_000_000, [(1, "sigmoid")]), "input width must be between 1 and 1000000, got 10000000"),
        Create("create with 0 inputs", Spec(0, [(1, "sigmoid")]), "input width must be between 1 and 1000000, got 0"),
        Create("create with no layers", Spec(2, []), "at least one layer"),
        Create("create with an unknown activation", Spec(2, [(2, "swish"), (1, "sigmoid")]), "layer 1: unknown activation 'swish'"),
        Create("create with softmax on a hidden layer", Spec(2, [(2, "softmax"), (2, "softmax")]), "layer 1: softmax is allowed on the output layer only"),
        Create("create with an unknown loss", Model(m => m with { Spec = m.Spec with { Loss = Losses.Parse("hinge") } }), "unknown loss 'hinge'"),
        Create("create with a NaN weight", Model(m => Theta(m, 1, 1, 0, double.NaN)), "layer 1 neuron 1 has a weight or bias that is not a finite number"),
        Create("create with an infinite bias", Model(m => Theta(m, 2, 0, 2, double.NegativeInfinity)), "layer 2 neuron 0 has a weight or bias that is not a finite number"),
        Create("create with 3 weights on a neuron of fan-in 2", Model(m => m with { Theta = [m.Theta[0], [[1, 2, 3, 0]]] }), "layer 2 neuron 0 has 3 weights, expected 2"),
        Create("create with an input scale of 0", Model(m => m with { Spec = m.Spec with { InputScale = [1, 0] } }), "input scale finite and non-zero"),
        Create("create with 3 class names for 1 output", Model(m => m with { Spec = m.Spec with { Classes = ["a", "b", "c"] } }), "3 class names for 1 output neurons"),
        Create("create with no weights at all", Model(m => m with { Theta = null! }), "no parameters"),
        Imported("create with a history that skips epoch 2", [new(1, 0.5, null, null, null), new(3, 0.4, null, null, null)], "history entry 2: epoch 3, expected 2"),
        Imported("create with a history whose accuracy is 2", [new(1, 0.5, 2, null, null)], "history entry 1: trainAccuracy 2 is not in [0, 1]"),
        Imported("create with a history whose test loss is NaN", [new(1, 0.5, null, double.NaN, null)], "history entry 1: testLoss NaN is not finite"),

        // Networks too big for the cluster's memory: refused before any neuron or parameter exists (never an OutOfMemoryException).
        CreateSeeded("create a seeded 4,100000,100000,3 network, 10^10 parameters far over the memory budget",
            NetworkSpec.Create([4, 100_000, 100_000, 3], "relu", "softmax", "cross-entropy"), seed: 1,
            "network '{row}/new' (4,100000,100000,3) is too big for the cluster", "10,000,900,003 parameters in 200,003 neurons", "need 224.1 GB", "more than its memory budget"),
        Create("create a 4,100000,100000,3 network without its parameters",
            _ => new NetworkModel(NetworkSpec.Create([4, 100_000, 100_000, 3], "relu", "sigmoid"), []),
            "(4,100000,100000,3) is too big for the cluster", "10,000,900,003 parameters", "more than its memory budget"),

        // An existing network is not replaced by accident, nor by a bad model.
        BadInput.Of<ArgumentException>("create over an existing network without replace", w => w.World.Create(BadInputWorld.WorldModel(), BadInputWorld.Adam, replace: false, history: []), "network '{net}' already exists"),
        BadInput.Of<ArgumentException>("replace an existing network with a model holding NaN", w => w.World.Create(Theta(BadInputWorld.WorldModel(), 1, 0, 1, double.NaN), BadInputWorld.Adam, replace: true, history: []), "layer 1 neuron 0 has a weight or bias that is not a finite number"),
        BadInput.Of<ArgumentException>("replace an existing network with a NaN learning rate", w => w.World.Create(BadInputWorld.WorldModel(), BadInputWorld.Adam with { LearningRate = double.NaN }, replace: true, history: []), "learning rate", "NaN"),

        // A job's run: only the run that holds the lease may train, at the step and epoch the network is at.
        Run<StaleRunException>("step a network with a lease nobody gave", (n, lease) => n.Step(lease with { Generation = 9 }, 0, new double[] { 133, 65 }, new double[] { 1 }), "network '{row}/run' is held by job 'job-{row}/run' run 1, not by job 'job-{row}/run' run 9"),
        Run<OutOfStepException>("step a network at step 5 when it is at step 0", (n, lease) => n.Step(lease, 5, new double[] { 133, 65 }, new double[] { 1 }), "network '{row}/run' is at step 0 but its trainer expects step 5"),
        Run<OutOfStepException>("end epoch 3 of a network with no epochs", (n, lease) => n.EndEpoch(lease, new EpochRecord(3, 0.5, null, null, null), checkpoint: true), "network '{row}/run' has 0 epochs, so its next is 1, not 3"),
        Run<StaleRunException>("claim a network for a run older than the one that holds it", (n, lease) => n.Claim(lease with { Generation = 0 }, resume: false), "was taken over by its run 1"),
        Run<StaleRunException>("release a network for a run that does not hold it", (n, lease) => n.Release(lease with { Generation = 2 }, checkpoint: true), "is held by job 'job-{row}/run' run 1, not by job 'job-{row}/run' run 2"),

        // Unknown network ids: refused, and the id still names nothing afterwards.
        Unknown("predict on an unknown network", n => n.Predict(new double[] { 1, 2 })),
        Unknown("export an unknown network", n => n.Export()),
        Unknown("train an unknown network", n => n.TrainBatch(new double[] { 1, 2 }, new double[] { 1 })),
        Unknown("checkpoint an unknown network", n => n.Checkpoint()),
        Unknown("delete an unknown network", n => n.Delete()),
        Unknown("set the optimizer of an unknown network", n => n.SetOptimizer(BadInputWorld.Sgd)),
        Unknown("record an epoch on an unknown network", n => n.AsReference<INetworkRunGrain>().EndEpoch(new RunLease("ghost-job", 1), new EpochRecord(1, 0.5, null, null, null), checkpoint: false)),
        BadInput.Of<KeyNotFoundException>("restore an unknown network", w => w.Network(w.Scratch("ghost")).Restore(), "network '{row}/ghost' has no checkpoint") with { After = AssertAbsent },
    ];

    /// <summary>A call of a job's run to a new network that lease "job-{row}/run" run 1 holds.</summary>
    private static BadInput Run<TError>(string name, Func<INetworkRunGrain, RunLease, Task> call, params string[] fragments)
        where TError : Exception =>
        BadInput.Of<TError>(name, w => call(w.Network(w.Scratch("run")).AsReference<INetworkRunGrain>(), Lease(w)), fragments) with
        {
            Arrange = async w =>
            {
                var network = w.Network(w.Scratch("run"));
                await network.Create(BadInputWorld.SmallModel(), BadInputWorld.Sgd, replace: false, history: []);
                await network.AsReference<INetworkRunGrain>().Claim(Lease(w), resume: false);
            },
            Watch = ["run"],
        };

    private static RunLease Lease(BadInputWorld w) => new($"job-{w.Scratch("run")}", 1);

    /// <summary>The Create of a new network with <paramref name="optimizer"/> (and a valid model) fails, and creates nothing.</summary>
    private static BadInput Create(string name, OptimizerSettings optimizer, params string[] fragments) =>
        BadInput.Of<ArgumentException>(name, w => w.Network(w.Scratch("new")).Create(BadInputWorld.SmallModel(), optimizer, replace: false, history: []), fragments) with { After = AssertAbsent };

    /// <summary>As <see cref="Create(string, OptimizerSettings, string[])"/> with an optimizer made when the row runs (a name parsed then).</summary>
    private static BadInput Create(string name, Func<OptimizerSettings> optimizer, params string[] fragments) =>
        BadInput.Of<ArgumentException>(name, w => w.Network(w.Scratch("new")).Create(BadInputWorld.SmallModel(), optimizer(), replace: false, history: []), fragments) with { After = AssertAbsent };

    /// <summary>The Create of a new network from a broken model fails, and creates nothing.</summary>
    private static BadInput Create(string name, Func<NetworkModel, NetworkModel> broken, params string[] fragments) =>
        BadInput.Of<ArgumentException>(name, w => w.Network(w.Scratch("new")).Create(broken(BadInputWorld.SmallModel()), BadInputWorld.Sgd, replace: false, history: []), fragments) with { After = AssertAbsent };

    /// <summary>The Create of a new network with a valid model and a bad history (an import's) fails, and creates nothing.</summary>
    private static BadInput Imported(string name, EpochRecord[] history, params string[] fragments) =>
        BadInput.Of<ArgumentException>(name, w => w.Network(w.Scratch("new")).Create(BadInputWorld.SmallModel(), BadInputWorld.Sgd, replace: false, history), fragments) with { After = AssertAbsent };

    /// <summary>The seeded Create of a new network of <paramref name="spec"/> fails, and creates nothing.</summary>
    private static BadInput CreateSeeded(string name, NetworkSpec spec, long seed, params string[] fragments) =>
        BadInput.Of<ArgumentException>(name, w => w.Network(w.Scratch("new")).CreateSeeded(spec, seed, BadInputWorld.Sgd, replace: false), fragments) with { After = AssertAbsent };

    private static BadInput Unknown(string name, Func<Grains.Interfaces.INetworkGrain, Task> call) =>
        BadInput.Of<KeyNotFoundException>(name, w => call(w.Network(w.Scratch("ghost"))), "network '{row}/ghost' does not exist") with { After = AssertAbsent };

    private static Func<NetworkModel, NetworkModel> Model(Func<NetworkModel, NetworkModel> change) => change;

    /// <summary>A model with n_0 inputs and the given layers (activations by name, parsed as a model file's are), no input scaling and no parameters.</summary>
    private static Func<NetworkModel, NetworkModel> Spec(int inputs, (int Size, string Activation)[] layers) => _ => new NetworkModel(
        new NetworkSpec(inputs, layers.Select((l, i) => LayerSpec.Parse(l.Size, l.Activation, i + 1)).ToArray(), LossKind.Mse, [], []),
        []);

    /// <summary>The model with parameter <paramref name="p"/> of neuron <paramref name="j"/> of layer <paramref name="layer"/> (1-based) set to <paramref name="value"/>.</summary>
    private static NetworkModel Theta(NetworkModel m, int layer, int j, int p, double value)
    {
        var theta = m.Theta.Select(l => l.Select(t => (double[])t.Clone()).ToArray()).ToArray();
        theta[layer - 1][j][p] = value;
        return m with { Theta = theta };
    }

    /// <summary>Nothing of the row's network "new" or "ghost" exists: no network, no catalog entry, no neuron.</summary>
    private static async Task AssertAbsent(BadInputWorld w)
    {
        foreach (var id in new[] { w.Scratch("new"), w.Scratch("ghost") })
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => w.Network(id).Describe());
            var neuron = await Assert.ThrowsAsync<InvalidOperationException>(() => w.Neuron(id, 1, 0).GetParameters());
            Assert.Contains("does not exist", neuron.Message, StringComparison.Ordinal);
        }
    }
}
