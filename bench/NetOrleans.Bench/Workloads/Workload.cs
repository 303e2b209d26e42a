using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Bench.Workloads;

/// <summary>A network to train and what to train it on: the same for the grains and the reference.</summary>
/// <param name="Name">for the table</param>
/// <param name="Model">a fresh model each call (the grains take ownership of the arrays they are sent)</param>
/// <param name="Optimizer">the optimizer</param>
/// <param name="Data">the training data</param>
/// <param name="BatchSize">samples per step</param>
public sealed record Workload(string Name, Func<NetworkModel> Model, OptimizerSettings Optimizer, DataSet Data, int BatchSize)
{
    /// <summary>The data in file order, cut into batches.</summary>
    public IReadOnlyList<Batch> Batches() => Enumerable.Range(0, (Data.Count + BatchSize - 1) / BatchSize)
        .Select(b => Data.Select(Enumerable.Range(b * BatchSize, Math.Min(BatchSize, Data.Count - b * BatchSize)).ToArray()))
        .Select(d => new Batch(d.X, d.Y))
        .ToArray();

    /// <summary>Neuron grain calls of one training step: one forward and one backward per neuron.</summary>
    public int NeuronCallsPerStep => 2 * Model().Spec.Layers.Sum(l => l.Size);
}
