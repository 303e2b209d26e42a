namespace NetOrleans.Core.Models;

/// <summary>One layer of a model file.</summary>
public sealed class LayerDocument
{
    public string? Activation { get; set; }

    public List<NeuronDocument>? Neurons { get; set; }
}
