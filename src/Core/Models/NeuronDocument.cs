namespace NetOrleans.Core.Models;

/// <summary>One neuron of a model file: a = f(weights . a_prev + bias).</summary>
public sealed class NeuronDocument
{
    public double[]? Weights { get; set; }

    public double Bias { get; set; }
}
