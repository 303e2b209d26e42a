using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>One neuron, key "{network}/{layer}/{index}": it holds its own weights and optimizer state.</summary>
[Alias("NetOrleans.INeuronGrain")]
public interface INeuronGrain : IGrainWithStringKey
{
    /// <summary>Sets the neuron up (or resets it) with its activation, parameters and optimizer.</summary>
    [Alias("Initialize")]
    Task Initialize(NeuronSetup setup);

    /// <summary>a = f(X w + b) for a batch; with <paramref name="train"/> it keeps X and z for the backward pass.</summary>
    /// <param name="x">B x n inputs, row-major, shared and never mutated</param>
    /// <param name="train">keep the pass for backward</param>
    /// <returns>B activations</returns>
    [Alias("Forward")]
    Task<Immutable<double[]>> Forward(Immutable<double[]> x, bool train);

    /// <summary>Backward from g = dL/da given directly (the output layer), then one optimizer step.</summary>
    [Alias("BackwardFromLoss")]
    Task<NeuronSignal> BackwardFromLoss(Immutable<double[]> g);

    /// <summary>
    /// An output neuron's whole training step in one call: forward, its own loss gradient from its column of the
    /// targets, backward and the optimizer step. Not for softmax outputs, which the network normalises.
    /// </summary>
    /// <param name="x">B x n inputs, shared and never mutated</param>
    /// <param name="y">B x k targets of the output layer, shared and never mutated</param>
    /// <param name="loss">the loss name</param>
    [Alias("TrainOutput")]
    Task<OutputSignal> TrainOutput(Immutable<double[]> x, Immutable<double[]> y, string loss);

    /// <summary>Backward from the layer above's deltas and weights, then one optimizer step.</summary>
    [Alias("BackwardFromLayer")]
    Task<NeuronSignal> BackwardFromLayer(LayerSignal above);

    /// <summary>Changes the optimizer for the steps to come; the moments are kept.</summary>
    [Alias("SetOptimizer")]
    Task SetOptimizer(OptimizerSetup optimizer);

    /// <summary>The current parameters.</summary>
    [Alias("GetParameters")]
    Task<NeuronParameters> GetParameters();

    /// <summary>Writes the neuron's state to storage as checkpoint <paramref name="version"/> (keeping the one before).</summary>
    [Alias("Checkpoint")]
    Task Checkpoint(long version);

    /// <summary>Goes back to stored checkpoint <paramref name="version"/>, dropping any pending forward pass.</summary>
    [Alias("Restore")]
    Task Restore(long version);

    /// <summary>The address of the silo this neuron is active on (<c>SiloAddress.ToParsableString()</c>).</summary>
    [Alias("Locate")]
    Task<string> Locate();

    /// <summary>Removes the neuron's stored state and deactivates it.</summary>
    [Alias("Delete")]
    Task Delete();
}
