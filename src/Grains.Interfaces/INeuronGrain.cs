using NetOrleans.Core.Losses;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// One neuron, key "{network}/{layer}/{index}": it holds its own weights and optimizer state. It counts the steps of
/// its network it has taken; every call that trains names the step the network is at, and a neuron at another step
/// refuses it with an <see cref="Faults.OutOfStepException"/>.
/// </summary>
[Alias("NetOrleans.INeuronGrain")]
public interface INeuronGrain : IGrainWithStringKey
{
    /// <summary>Sets the neuron up (or resets it) with its activation, parameters and optimizer, at step 0.</summary>
    [Alias("Initialize")]
    Task Initialize(NeuronSetup setup);

    /// <summary>a = f(X w + b) for a batch, to predict: nothing is kept.</summary>
    /// <param name="x">B x n inputs, row-major</param>
    /// <returns>B activations</returns>
    [Alias("Forward")]
    Task<Doubles> Forward(Doubles x);

    /// <summary>a = f(X w + b) for the training step <paramref name="step"/>, keeping X and z for its backward pass.</summary>
    /// <param name="x">B x n inputs</param>
    /// <param name="step">the network's step; must be the neuron's</param>
    /// <returns>B activations</returns>
    [Alias("ForwardForStep")]
    Task<Doubles> ForwardForStep(Doubles x, long step);

    /// <summary>Backward from g = dL/da given directly (a softmax output layer), then the optimizer step.</summary>
    /// <param name="g">B upstream gradients</param>
    /// <param name="step">the step whose forward pass this differentiates</param>
    [Alias("BackwardAndStep")]
    Task<NeuronSignal> BackwardAndStep(Doubles g, long step);

    /// <summary>Backward from the layer above's deltas and weights, then the optimizer step.</summary>
    [Alias("BackwardAndStepFromLayer")]
    Task<NeuronSignal> BackwardAndStepFromLayer(LayerSignal above, long step);

    /// <summary>
    /// An output neuron's whole training step in one call: forward, its own loss gradient from its column of the
    /// targets, backward and the optimizer step. Not for softmax outputs, which the network normalises.
    /// </summary>
    /// <param name="x">B x n inputs</param>
    /// <param name="y">B x k targets of the output layer</param>
    /// <param name="loss">the loss</param>
    /// <param name="step">the network's step</param>
    [Alias("TrainOutput")]
    Task<OutputSignal> TrainOutput(Doubles x, Doubles y, LossKind loss, long step);

    /// <summary>Changes the optimizer for the steps to come; the moments are kept.</summary>
    [Alias("SetOptimizer")]
    Task SetOptimizer(OptimizerSettings optimizer);

    /// <summary>The current parameters and step.</summary>
    [Alias("GetParameters")]
    Task<NeuronParameters> GetParameters();

    /// <summary>
    /// Writes the neuron as checkpoint <paramref name="version"/> of its network, which is at <paramref name="step"/>
    /// (a neuron at another step refuses). The checkpoint before it stays stored; the one before that is replaced.
    /// </summary>
    /// <param name="version">the network's checkpoint version</param>
    /// <param name="step">the network's step</param>
    /// <param name="fence">the network's fence, which grows with every new trainer (a neuron refuses one below a fence it has seen)</param>
    [Alias("Checkpoint")]
    Task Checkpoint(long version, long step, long fence);

    /// <summary>Goes back to stored checkpoint <paramref name="version"/>, dropping any pending forward pass.</summary>
    /// <returns>the network step the checkpoint holds</returns>
    [Alias("Restore")]
    Task<long> Restore(long version, long fence);

    /// <summary>Its parameters, optimizer, silo, calls and last activations, for the HTTP API and the live page.</summary>
    [Alias("Inspect")]
    Task<NeuronInspection> Inspect();

    /// <summary>The address of the silo this neuron is active on (<c>SiloAddress.ToParsableString()</c>).</summary>
    [Alias("Locate")]
    Task<string> Locate();

    /// <summary>Removes the neuron's stored state and deactivates it.</summary>
    [Alias("Delete")]
    Task Delete();
}
