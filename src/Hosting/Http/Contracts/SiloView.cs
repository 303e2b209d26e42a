namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>A silo: its address, name and status, the neuron grains active on it, by network.</summary>
public sealed record SiloView(string Address, string Name, string Status, int Neurons, IReadOnlyDictionary<string, int> Networks);
