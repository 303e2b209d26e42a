namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>
/// What the page draws of a network: sizes n_0 .. n_L, the silos that host its neurons, and every neuron with its
/// strongest incoming edges (all of them when the fan-in is small).
/// </summary>
public sealed record GraphView(string Network, int[] Sizes, string[] Silos, GraphNeuron[] Neurons, int EdgesPerNeuron);
