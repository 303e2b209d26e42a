using NetOrleans.Core.Losses;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Routing;

/// <summary>
/// The neuron grains of one layer of a network (n of them) and how to reach them: each call goes to every neuron at
/// once, directly or through the relay of its silo (<see cref="LayerRoute"/>), and the answers come back in neuron
/// order. The network grain's passes are written in terms of these calls, as the reference trainer's are in terms of
/// <see cref="Core.Training.Neuron"/>.
/// </summary>
internal sealed class GrainLayer(INeuronGrain[] neurons)
{
    private LayerRoute? _route;

    /// <summary>n, the layer's width.</summary>
    public int Size => neurons.Length;

    public IReadOnlyList<INeuronGrain> Neurons => neurons;

    /// <summary>Each neuron's a = f(X w + b), to predict.</summary>
    /// <param name="x">B x n_in inputs</param>
    /// <returns>n columns of B activations</returns>
    public Task<Doubles[]> Forward(Doubles x) =>
        FanOut(n => n.Forward(x), g => g.Relay.Forward(x, g.Keys));

    /// <summary>Each neuron's a = f(X w + b) for training step <paramref name="step"/>, kept for its backward pass.</summary>
    public Task<Doubles[]> ForwardForStep(Doubles x, long step) =>
        FanOut(n => n.ForwardForStep(x, step), g => g.Relay.ForwardForStep(x, step, g.Keys));

    /// <summary>An output layer's whole step, each neuron on its own column of the targets.</summary>
    /// <param name="x">B x n_in inputs</param>
    /// <param name="y">B x n targets</param>
    public Task<OutputSignal[]> TrainOutput(Doubles x, Doubles y, LossKind loss, long step) =>
        FanOut(n => n.TrainOutput(x, y, loss, step), g => g.Relay.TrainOutput(x, y, loss, step, g.Keys));

    /// <summary>Backward and step from each neuron's own column of <paramref name="grad"/>.</summary>
    /// <param name="grad">B x n gradients dL/da (dL/dz for softmax)</param>
    public Task<NeuronSignal[]> BackwardAndStep(double[] grad, long step) =>
        Task.WhenAll(neurons.Select((n, j) => n.BackwardAndStep(Core.Training.NetworkMath.Column(grad, neurons.Length, j), step)));

    /// <summary>Backward and step from the layer above's signal, each neuron working out its own upstream gradient.</summary>
    public Task<NeuronSignal[]> BackwardAndStepFromLayer(LayerSignal above, long step) =>
        FanOut(n => n.BackwardAndStepFromLayer(above, step), g => g.Relay.BackwardAndStepFromLayer(above, step, g.Keys));

    /// <summary>Every neuron goes back to checkpoint <paramref name="version"/>.</summary>
    /// <returns>the step each neuron came back at</returns>
    public Task<long[]> Restore(long version, long fence) =>
        Task.WhenAll(neurons.Select(n => n.Restore(version, fence)));

    /// <summary>Finds the silo of every neuron and plans the route from <paramref name="here"/>.</summary>
    public async Task Locate(string here, Func<string, ISiloRelayGrain> relay)
    {
        var silos = await Task.WhenAll(neurons.Select(n => n.Locate()));
        _route = LayerRoute.Plan(neurons.Select(n => n.GetPrimaryKeyString()).ToArray(), silos, here, relay);
    }

    /// <summary>Forgets the route (the neurons may have moved): calls go directly until <see cref="Locate"/> again.</summary>
    public void Forget() => _route = null;

    /// <summary>True once the route is planned.</summary>
    public bool IsLocated => _route is not null;

    /// <summary>One call to every neuron, the results in neuron order: directly, or through the relay of their silo.</summary>
    private Task<T[]> FanOut<T>(Func<INeuronGrain, Task<T>> direct, Func<RelayGroup, Task<T[]>> relayed) =>
        _route is null || _route.Relayed.Length == 0 ? Task.WhenAll(neurons.Select(direct)) : Routed(_route, direct, relayed);

    private async Task<T[]> Routed<T>(LayerRoute route, Func<INeuronGrain, Task<T>> direct, Func<RelayGroup, Task<T[]>> relayed)
    {
        var results = new T[neurons.Length];
        var calls = route.Direct.Select(async j => results[j] = await direct(neurons[j]))
            .Concat(route.Relayed.Select(async group =>
            {
                var answers = await relayed(group);
                for (var i = 0; i < group.Indices.Length; i++)
                {
                    results[group.Indices[i]] = answers[i];
                }
            }));
        await Task.WhenAll(calls);
        return results;
    }
}
