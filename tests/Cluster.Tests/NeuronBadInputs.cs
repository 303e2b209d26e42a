using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// Bad calls straight to neuron grains: unknown neurons, calls out of order, signals that do not fit, values that are
/// not finite. A refused call leaves the neuron's parameters, steps and any pending forward pass as they were.
/// </summary>
public static class NeuronBadInputs
{
    /// <summary>What a 1-neuron layer above tells the 2-2-1 network's hidden layer for a batch of 1.</summary>
    private static readonly LayerSignal Above = new(new double[] { 0.1 }, new double[] { 0.3, -0.2, 0.05 });

    public static IEnumerable<BadInput> Rows() =>
    [
        Unknown("forward on an unknown neuron", n => n.ForwardForStep(new double[] { 1, 2 }, 0)),
        Unknown("backward from the loss on an unknown neuron", n => n.BackwardAndStep(new double[] { 1 }, 0)),
        Unknown("backward from a layer on an unknown neuron", n => n.BackwardAndStepFromLayer(Above, 0)),
        Unknown("train an unknown output neuron in one call", n => n.TrainOutput(new double[] { 1, 2 }, new double[] { 1 }, LossKind.Mse, 0)),
        Unknown("parameters of an unknown neuron", n => n.GetParameters()),
        Unknown("set the optimizer of an unknown neuron", n => n.SetOptimizer(BadInputWorld.Sgd)),
        Unknown("checkpoint an unknown neuron", n => n.Checkpoint(1, 0, 0)),
        BadInput.Of<InvalidOperationException>("restore an unknown neuron", w => w.Neuron(w.Scratch("ghost"), 1, 0).Restore(1, 0), "neuron {row}/ghost/1/0 has no checkpoint 1"),

        // Out of order on the world's neurons, which have no pass pending.
        BadInput.Of<InvalidOperationException>("backward from the loss before forward", w => w.Neuron(w.NetworkId, 2, 0).BackwardAndStep(new double[] { 0.5 }, 3), "neuron {net}/2/0", "backward called before forward"),
        BadInput.Of<InvalidOperationException>("backward from a layer before forward", w => w.Neuron(w.NetworkId, 1, 1).BackwardAndStepFromLayer(new LayerSignal(new double[] { 0.1, 0.2 }, new double[] { 1, 1, 1, 0, 1, 1, 1, 0 }), 3), "neuron {net}/1/1", "backward called before forward"),
        BadInput.Of<ArgumentException>("forward a row of 3 values into a neuron of fan-in 2", w => w.Neuron(w.NetworkId, 1, 0).Forward(new double[] { 1, 2, 3 }), "neuron {net}/1/0", "input of 3 values", "rows of 2"),
        BadInput.Of<InvalidOperationException>("train a softmax output neuron in one call", w => w.Neuron(w.NetworkId, 2, 0).TrainOutput(new double[] { 0.1, 0.2, 0.3 }, new double[] { 0, 1 }, LossKind.CrossEntropy, 3), "neuron {net}/2/0", "a softmax neuron cannot compute its own loss gradient"),
        BadInput.Of<ArgumentException>("initialize a neuron of the world with a NaN weight", w => w.Neuron(w.NetworkId, 1, 0).Initialize(new NeuronSetup(ActivationKind.Tanh, [double.NaN, 1, 0], BadInputWorld.Adam, false)), "neuron {net}/1/0", "not a finite number"),
        BadInput.Of<ArgumentException>("initialize a neuron of the world with an unknown activation", w => w.Neuron(w.NetworkId, 1, 0).Initialize(new NeuronSetup(Activations.Parse("gelu"), [1, 1, 0], BadInputWorld.Adam, false)), "unknown activation 'gelu'"),
        BadInput.Of<ArgumentException>("set a negative learning rate on a neuron of the world", w => w.Neuron(w.NetworkId, 2, 1).SetOptimizer(BadInputWorld.Adam with { LearningRate = -1 }), "learning rate", "got -1"),

        // A pass is pending on the row's own network; the refused call must neither step nor lose it.
        Pending("backward from the loss with 2 gradients for a pass of 1 row", 2, n => n.BackwardAndStep(new double[] { 1, 2 }, 0), typeof(ArgumentException), "upstream gradient has 2 values but the forward batch had 1"),
        Pending("backward from the loss with a NaN gradient", 2, n => n.BackwardAndStep(new[] { double.NaN }, 0), typeof(ArithmeticException), "not a finite number", "no step"),
        Pending("train an output neuron in one call on 2 rows with no targets", 2, n => n.TrainOutput(new double[] { 1, 1, 2, 2 }, Array.Empty<double>(), LossKind.Mse, 0), typeof(ArgumentException), "targets of 0 values do not give column 0 for a batch of 2"),
        // A loss is parsed where its name comes in (NetworkBadInputs: "create with an unknown loss"); what can still reach a
        // neuron is a kind outside the enum, from a peer on the wire.
        Pending("train an output neuron in one call with an unknown loss", 2, n => n.TrainOutput(new double[] { 1, 1, 2, 2 }, new double[] { 0, 1 }, (LossKind)99, 0), typeof(ArgumentException), "unknown loss '99'"),
        Pending("train an output neuron in one call with a NaN target", 2, n => n.TrainOutput(new double[] { 1, 1, 2, 2 }, new[] { double.NaN, 1 }, LossKind.Mse, 0), typeof(ArithmeticException), "not a finite number", "no step taken"),
        Pending("backward from a layer with an empty signal", 1, n => n.BackwardAndStepFromLayer(new LayerSignal(Array.Empty<double>(), Array.Empty<double>()), 0), typeof(ArgumentException), "signal", "does not fit"),
        Pending("backward from a layer whose parameters stop short of this neuron", 1, n => n.BackwardAndStepFromLayer(new LayerSignal(new double[] { 0.1 }, new double[] { 0.3 }), 0), typeof(ArgumentException), "signal", "does not fit"),
        Pending("backward from a layer with infinite deltas", 1, n => n.BackwardAndStepFromLayer(new LayerSignal(new[] { double.PositiveInfinity }, new double[] { 0.3, -0.2, 0.05 }), 0), typeof(ArithmeticException), "not a finite number", "no step"),
        new BadInput("forward a NaN row for training, then step it", typeof(ArithmeticException), ["neuron {row}/pass/1/0", "not a finite number", "no step"], async w =>
        {
            var neuron = w.Neuron(w.Scratch("pass"), 1, 0);
            await neuron.ForwardForStep(new[] { double.NaN, 1 }, 0);
            await neuron.BackwardAndStepFromLayer(Above, 0);
        })
        {
            Arrange = ArrangePass,
            Watch = ["pass"],
            After = async w =>
            {
                // The neuron still trains on a good pass.
                var neuron = w.Neuron(w.Scratch("pass"), 1, 0);
                await neuron.ForwardForStep(new double[] { 0.5, -0.5 }, 0);
                await neuron.BackwardAndStepFromLayer(Above, 0);
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
                await w.Neuron(w.Scratch("pass"), layer, 0).ForwardForStep(new double[] { 0.5, -0.5 }, 0);
            },
            Watch = ["pass"],
            After = async w =>
            {
                var neuron = w.Neuron(w.Scratch("pass"), layer, 0);
                var before = await neuron.GetParameters();
                _ = layer == 2 ? await neuron.BackwardAndStep(new[] { 0.25 }, 0) : await neuron.BackwardAndStepFromLayer(Above, 0);
                var after = await neuron.GetParameters();
                Assert.Equal(before.Steps + 1, after.Steps);
                Assert.NotEqual(before.Theta, after.Theta);
            },
        };

    private static Task ArrangePass(BadInputWorld w) =>
        w.Network(w.Scratch("pass")).Create(BadInputWorld.SmallModel(), BadInputWorld.Sgd, replace: false, history: []);
}
