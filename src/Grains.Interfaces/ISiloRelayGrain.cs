using NetOrleans.Core.Losses;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// One per silo, key = the silo's address (<c>SiloAddress.ToParsableString()</c>): makes a layer's call to the
/// neurons of its silo, so that what the whole layer shares (its inputs X, the targets, the signal of the layer above)
/// crosses to that silo once instead of once per neuron. It holds nothing: when its silo is gone, another takes its key.
/// Results come in the order the neurons are named.
/// </summary>
[Alias("NetOrleans.ISiloRelayGrain")]
public interface ISiloRelayGrain : IGrainWithStringKey
{
    /// <summary><see cref="INeuronGrain.Forward"/> on every neuron named.</summary>
    [Alias("Forward")]
    Task<Doubles[]> Forward(Doubles x, Immutable<string[]> neurons);

    /// <summary><see cref="INeuronGrain.ForwardForStep"/> on every neuron named.</summary>
    [Alias("ForwardForStep")]
    Task<Doubles[]> ForwardForStep(Doubles x, long step, Immutable<string[]> neurons);

    /// <summary><see cref="INeuronGrain.TrainOutput"/> on every neuron named.</summary>
    [Alias("TrainOutput")]
    Task<OutputSignal[]> TrainOutput(Doubles x, Doubles y, LossKind loss, long step, Immutable<string[]> neurons);

    /// <summary><see cref="INeuronGrain.BackwardAndStepFromLayer"/> on every neuron named.</summary>
    [Alias("BackwardAndStepFromLayer")]
    Task<NeuronSignal[]> BackwardAndStepFromLayer(LayerSignal above, long step, Immutable<string[]> neurons);
}
