using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Placement;

namespace NetOrleans.Grains;

/// <summary>
/// Fans a layer's call out to the neurons of its own silo (see <see cref="ISiloRelayGrain"/>). Reentrant: it holds no
/// state, and the layers of several networks pass through it at once.
/// </summary>
[Reentrant, SiloRelayPlacement]
public sealed class SiloRelayGrain : Grain, ISiloRelayGrain
{
    public Task<Immutable<double[]>[]> Forward(Immutable<double[]> x, bool train, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.Forward(x, train)));

    public Task<OutputSignal[]> TrainOutput(Immutable<double[]> x, Immutable<double[]> y, string loss, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.TrainOutput(x, y, loss)));

    public Task<NeuronSignal[]> BackwardFromLayer(LayerSignal above, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.BackwardFromLayer(above)));

    private IEnumerable<INeuronGrain> Neurons(Immutable<string[]> keys) =>
        (keys.Value ?? throw new ArgumentException("a relay call names no neurons")).Select(key => GrainFactory.GetGrain<INeuronGrain>(key));
}
