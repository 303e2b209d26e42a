namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>
/// What the layer above tells every neuron i of a layer in the backward pass; neuron i works out its own
/// upstream gradient g_i[s] = sum_k delta_k[s] w_k[i] from it. One shared, immutable instance per layer.
/// </summary>
/// <param name="Deltas">m x B deltas of the layer above, neuron-major</param>
/// <param name="Thetas">m x (n + 1) parameters of the layer above, before its step</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.LayerSignal")]
public sealed record LayerSignal(Doubles Deltas, Doubles Thetas);
