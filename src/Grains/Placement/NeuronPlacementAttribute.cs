using Orleans.Placement;

namespace NetOrleans.Grains.Placement;

/// <summary>Marks the neuron grain for <see cref="NeuronPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NeuronPlacementAttribute() : PlacementAttribute(new NeuronPlacementStrategy());
