using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// Bad calls straight to neuron grains: unknown neurons, calls out of order, signals that do not fit, values that are
/// not finite. A refused call leaves the neuron's parameters, steps and any pending forward pass as they were.
/// </summary>
public static class NeuronBadInputs
{
    /// <summary>What a 1-neuron layer above tells the 2-2-1 network's hidden layer for a batch of 1.</summary>
    private static readonly LayerSignal Above = new([0.1], [0.3, -0.2, 0.05]);

    public static IEnumerable<BadInput> Rows() =>
    [
        Unknown("forward on an unknown neuron", n => n.Forward(new double[] { 1, 2 }.AsImmutable(), train: true)),
        Unknown("backward from the loss on an unknown neuron", n => n.BackwardFromLoss(new double[] { 1 }.AsImmutable())),
        Unknown("backward from a layer on an unknown neuron", n => n.BackwardFromLayer(Above)),
        Unknown("train an unknown output neuron in one call", n => n.TrainOutput(new double[] { 1, 2 }.AsImmutable(), new double[] { 1 }.AsImmutable(), "mse")),
        Unknown("parameters of an unknown neuron", n => n.GetParameters()),
        Unknown("set the optimizer of an unknown neuron", n => n.SetOptimizer(BadInputWorld.Sgd)),
        Unknown("checkpoint an unknown neuron", n => n.Checkpoint(1)),
        BadInput.Of<InvalidOperationException>("restore an unknown neuron", w => w.Neuron(w.Scratch("ghost"), 1, 0).Restore(1), "neuron {row}/ghost/1/0 has no checkpoint 1"),

        // Out of order on the world's neurons, which have no pass pending.
        BadInput.Of<InvalidOperationException>("backward from the loss before forward", w => w.Neuron(w.NetworkId, 2, 0).BackwardFromLoss(new double[] { 0.5 }.AsImmutable()), "neuron {net}/2/0", "backward called before forward"),
        BadInput.Of<InvalidOperationException>("backward from a layer before forward", w => w.Neuron(w.NetworkId, 1, 1).BackwardFromLayer(new LayerSignal([0.1, 0.2], [1, 1, 1, 0, 1, 1, 1, 0])), "neuron {net}/1/1", "backward called before forward"),
        BadInput.Of<ArgumentException>("forward a row of 3 values into a neuron of fan-in 2", w => w.Neuron(w.NetworkId, 1, 0).Forward(new double[] { 1, 2, 3 }.AsImmutable(), train: true), "neuron {net}/1/0", "input of 3 values", "rows of 2"),
        BadInput.Of<InvalidOperationException>("train a softmax output neuron in one call", w => w.Neuron(w.NetworkId, 2, 0).TrainOutput(new double[] { 0.1, 0.2, 0.3 }.AsImmutable(), new double[] { 0, 1 }.AsImmutable(), "cross-entropy"), "neuron {net}/2/0", "a softmax neuron cannot compute its own loss gradient"),
        BadInput.Of<ArgumentException>("initialize a neuron of the world with a NaN weight", w => w.Neuron(w.NetworkId, 1, 0).Initialize(new NeuronSetup("tanh", [double.NaN, 1, 0], BadInputWorld.Adam, false)), "neuron {net}/1/0", "not a finite number"),
        BadInput.Of<ArgumentException>("initialize a neuron of the world with an unknown activation", w => w.Neuron(w.NetworkId, 1, 0).Initialize(new NeuronSetup("gelu", [1, 1, 0], BadInputWorld.Adam, false)), "unknown activation 'gelu'"),
        BadInput.Of<ArgumentException>("set a negative learning rate on a neuron of the world", w => w.Neuron(w.NetworkId, 2, 1).SetOptimizer(BadInputWorld.Adam with { LearningRate = -1 }), "learning rate", "got -1"),

        // A pass is pending on the row's own network; the refused call must neither step nor lose it.
        Pending("backward from the loss with 2 gradients for a pass of 1 row", 2, n => n.BackwardFromLoss(new double[] { 1, 2 }.AsImmutable()), typeof(ArgumentException), "upstream gradient has 2 values but the forward batch had 1"),
        Pending("backward from the loss with a NaN gradient", 2, n => n.BackwardFromLoss(new[] { double.NaN }.AsImmutable()), typeof(ArithmeticException), "not a finite number", "no step"),
        Pending("train an output neuron in one call on 2 rows with no targets", 2, n => n.TrainOutput(new double[] { 1, 1, 2, 2 }.AsImmutable(), Array.Empty<double>().AsImmutable(), "mse"), typeof(ArgumentException), "targets of 0 values do not give column 0 for a batch of 2"),
        Pending("train an output neuron in one call with an unknown loss", 2, n => n.TrainOutput(new double[] { 1, 1, 2, 2 }.AsImmutable(), new double[] { 0, 1 }.AsImmutable(), "hinge"), typeof(ArgumentException), "unknown loss 'hinge'"),
        Pending("train an output neuron in one call with a NaN target", 2, n => n.TrainOutput(new double[] { 1, 1, 2, 2 }.AsImmutable(), new[] { double.NaN, 1 }.AsImmutable(), "mse"), typeof(ArithmeticException), "not a finite number", "no step taken"),
        Pending("backward from a layer with an empty signal", 1, n => n.BackwardFromLayer(new LayerSignal([], [])), typeof(ArgumentException), "signal", "does not fit"),
        Pending("backward from a layer whose parameters stop short of this neuron", 1, n => n.BackwardFromLayer(new LayerSignal([0.1], [0.3])), typeof(ArgumentException), "signal", "does not fit"),
        Pending("backward from a layer with infinite deltas", 1, n => n.BackwardFromLayer(new LayerSignal([double.PositiveInfinity], [0.3, -0.2, 0.05])), typeof(ArithmeticException), "not a finite number", "no step"),
        new BadInput("forward a NaN row for training, then step it", typeof(ArithmeticException), ["neuron {row}/pass/1/0", "not a finite number", "no step"], async w =>
        {
            var neuron = w.Neuron(w.Scratch("pass"), 1, 0);
            await neuron.Forward(new[] { double.NaN, 1 }.AsImmutable(), train: true);
            await neuron.BackwardFromLayer(Above);
        })
        {
            Arrange = ArrangePass,
            Watch = ["pass"],
            After = async w =>
            {
                // The neuron still trains on a good pass.
                var neuron = w.Neuron(w.Scratch("pass"), 1, 0);
                await neuron.Forward(new double[] { 0.5, -0.5 }.AsImmutable(), train: true);
                await neuron.BackwardFromLayer(Above);
                var after = await neuron.GetParameters();
                Assert.Equal(1, after.Steps);
                Assert.All(after.Theta, v => Assert.True(double.IsFinite(v)));
            },
        },
    ];

    private static BadInput Unknown(string name, Func<Grains.Interfaces.INeuronGrain, Task> call) =>
        BadInput.Of<InvalidOperationException>(name, w => call(w.Neuron(w.Scratch("ghost"), 1, 0)), "neuron {row}/ghost/1/0 does not exist");

    /// <summary>
    /// The row's network "pass" (2-2-1) with a training pass of one row pending on neuron 0 of <paramref name="layer"/>;
    /// the bad call is refused, and afterwards the pending pass still takes exactly one good step.
    /// </summary>
    private static BadInput Pending(string name, int layer, Func<Grains.Interfaces.INeuronGrain, Task> call, Type error, params string[] fragments) =>
        new(name, error, [$"neuron {{row}}/pass/{layer}/0", .. fragments], w => call(w.Neuron(w.Scratch("pass"), layer, 0)))
        {
            Arrange = async w =>
            {
                await ArrangePass(w);
                await w.Neuron(w.Scratch("pass"), layer, 0).Forward(new double[] { 0.5, -0.5 }.AsImmutable(), train: true);
            },
            Watch = ["pass"],
            After = async w =>
            {
                var neuron = w.Neuron(w.Scratch("pass"), layer, 0);
                var before = await neuron.GetParameters();
                _ = layer == 2 ? await neuron.BackwardFromLoss(new[] { 0.25 }.AsImmutable()) : await neuron.BackwardFromLayer(Above);
                var after = await neuron.GetParameters();
                Assert.Equal(before.Steps + 1, after.Steps);
                Assert.NotEqual(before.Theta, after.Theta);
            },
        };

    private static Task ArrangePass(BadInputWorld w) =>
        w.Network(w.Scratch("pass")).Create(ModelMessage.From(BadInputWorld.SmallModel()), BadInputWorld.Sgd, replace: false);
}
