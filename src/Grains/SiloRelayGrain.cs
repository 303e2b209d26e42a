using NetOrleans.Core.Losses;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Placement;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Grains;

/// <summary>
/// Fans a layer's call out to the neurons of its own silo (see <see cref="ISiloRelayGrain"/>). Reentrant: it holds no
/// state, and the layers of several networks pass through it at once.
/// </summary>
[Reentrant, SiloRelayPlacement]
public sealed class SiloRelayGrain : Grain, ISiloRelayGrain, ICarriesCallerTrace
{
    public Task<Doubles[]> Forward(Doubles x, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.Forward(x)));

    public Task<Doubles[]> ForwardForStep(Doubles x, long step, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.ForwardForStep(x, step)));

    public Task<OutputSignal[]> TrainOutput(Doubles x, Doubles y, LossKind loss, long step, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.TrainOutput(x, y, loss, step)));

    public Task<NeuronSignal[]> BackwardAndStepFromLayer(LayerSignal above, long step, Immutable<string[]> neurons) =>
        Task.WhenAll(Neurons(neurons).Select(n => n.BackwardAndStepFromLayer(above, step)));

    private IEnumerable<INeuronGrain> Neurons(Immutable<string[]> keys) =>
        (keys.Value ?? throw new ArgumentException("a relay call names no neurons")).Select(key => GrainFactory.GetGrain<INeuronGrain>(key));
}
