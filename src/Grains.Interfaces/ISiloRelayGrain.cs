using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// One per silo, key = the silo's address (<c>SiloAddress.ToParsableString()</c>): makes a layer's call to the
/// neurons of its silo, so that what the whole layer shares (its inputs X, the targets, the signal of the layer above)
/// crosses to that silo once instead of once per neuron. It holds nothing: when its silo is gone, another takes its key.
/// </summary>
[Alias("NetOrleans.ISiloRelayGrain")]
public interface ISiloRelayGrain : IGrainWithStringKey
{
    /// <summary><see cref="INeuronGrain.Forward"/> on every neuron named.</summary>
    /// <param name="x">B x n inputs, shared</param>
    /// <param name="train">keep the pass for backward</param>
    /// <param name="neurons">neuron keys</param>
    /// <returns>each neuron's B activations, in the order named</returns>
    [Alias("Forward")]
    Task<Immutable<double[]>[]> Forward(Immutable<double[]> x, bool train, Immutable<string[]> neurons);

    /// <summary><see cref="INeuronGrain.TrainOutput"/> on every neuron named; results in the order named.</summary>
    [Alias("TrainOutput")]
    Task<OutputSignal[]> TrainOutput(Immutable<double[]> x, Immutable<double[]> y, string loss, Immutable<string[]> neurons);

    /// <summary><see cref="INeuronGrain.BackwardFromLayer"/> on every neuron named; results in the order named.</summary>
    [Alias("BackwardFromLayer")]
    Task<NeuronSignal[]> BackwardFromLayer(LayerSignal above, Immutable<string[]> neurons);
}
