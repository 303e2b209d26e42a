namespace NetOrleans.Core.Models;

/// <summary>One layer: how many neurons and their activation.</summary>
public sealed record LayerSpec(int Size, string Activation);
