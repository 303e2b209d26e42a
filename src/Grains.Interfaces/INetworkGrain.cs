using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// A network, key = network id: it holds the spec and coordinates its neuron grains, forward layer by layer and
/// backward from the loss down. While a training job holds it (<see cref="INetworkRunGrain"/>), the calls here that
/// would change it are refused.
/// </summary>
[Alias("NetOrleans.INetworkGrain")]
public interface INetworkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the network and its neurons from a model; fails if it exists unless <paramref name="replace"/>, and
    /// before any neuron exists when the network would not fit the cluster's memory budget. The neurons are
    /// initialized and checkpointed in batches (<see cref="Creation"/> tells how far), so a large network may take
    /// minutes: the call waits up to an hour, not the default 30 seconds.
    /// </summary>
    /// <param name="model">the spec and every neuron's parameters</param>
    /// <param name="optimizer">the optimizer for the steps to come</param>
    /// <param name="replace">true to replace a network of that id</param>
    /// <param name="history">
    /// the epochs that brought the model there (a model file's, for an import), or empty: stored as the network's own
    /// training would be, so that it counts them and its next epoch is <c>history.Length + 1</c>. Checked by
    /// <see cref="EpochHistory.Validate"/>.
    /// </param>
    [Alias("Create"), ResponseTimeout("01:00:00")]
    Task<NetworkSummary> Create(NetworkModel model, OptimizerSettings optimizer, bool replace, EpochRecord[] history);

    /// <summary>
    /// As <see cref="Create"/>, each neuron's parameters drawn from <paramref name="seed"/> as
    /// <see cref="Initialization.Create"/> draws them, so that none cross the wire however large the network.
    /// </summary>
    [Alias("CreateSeeded"), ResponseTimeout("01:00:00")]
    Task<NetworkSummary> CreateSeeded(NetworkSpec spec, long seed, OptimizerSettings optimizer, bool replace);

    /// <summary>How far the creation under way has come, or null when none is; answers while <see cref="Create"/> runs.</summary>
    [Alias("Creation"), AlwaysInterleave]
    Task<NetworkCreation?> Creation();

    /// <summary>The outputs for raw inputs.</summary>
    /// <param name="x">B x n_0 raw inputs, row-major</param>
    /// <returns>B x n_L outputs</returns>
    [Alias("Predict")]
    Task<Doubles> Predict(Doubles x);

    /// <summary>One optimizer step on one batch (B = 1 is the tutorial's per-sample SGD).</summary>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <param name="y">B x n_L targets</param>
    /// <returns>the batch loss before the step</returns>
    [Alias("TrainBatch")]
    Task<double> TrainBatch(Doubles x, Doubles y);

    /// <summary>Changes the optimizer (kind and hyper-parameters) for the steps to come; moments are kept.</summary>
    [Alias("SetOptimizer")]
    Task SetOptimizer(OptimizerSettings optimizer);

    /// <summary>The model as it is now.</summary>
    [Alias("Export")]
    Task<NetworkModel> Export();

    /// <summary>The network's shape, steps and history.</summary>
    [Alias("Describe")]
    Task<NetworkSummary> Describe();

    /// <summary>Writes every neuron's state and then the network's, all at the same step.</summary>
    [Alias("Checkpoint")]
    Task Checkpoint();

    /// <summary>
    /// Goes back to the last checkpoint: the network's spec, steps and history and every neuron's parameters and
    /// optimizer state, as they were stored together.
    /// </summary>
    [Alias("Restore")]
    Task<NetworkSummary> Restore();

    /// <summary>Deletes the network and its neurons.</summary>
    [Alias("Delete")]
    Task Delete();
}
