namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>One layer: its size and activation.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.LayerShape")]
public sealed record LayerShape(int Size, string Activation);
