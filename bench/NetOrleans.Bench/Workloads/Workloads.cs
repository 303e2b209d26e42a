using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Bench.Workloads;

/// <summary>The benchmark's networks and data.</summary>
public static class Workloads
{
    private static readonly Lazy<DataSet> MnistData = new(BuiltInDataSets.Mnist);

    /// <summary>The tutorial: 2-2-1 sigmoid on the four people of gender, per-sample SGD (eta = 0.1).</summary>
    public static Workload Tutorial()
    {
        var data = BuiltInDataSets.Gender();
        var spec = NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid") with { InputShift = data.InputShift! };
        return new Workload("tutorial 2-2-1", () => Initialization.Create(spec, seed: 7), new OptimizerSettings(OptimizerKind.Sgd, 0.1), data, 1);
    }

    /// <summary>784-hidden-10, relu then softmax with cross-entropy, SGD (eta = 0.1), over the 8,000 MNIST training records.</summary>
    public static Workload Mnist(int hidden, int batchSize) => Mnist(hidden, batchSize, MnistData.Value);

    /// <summary>The same network on the first <paramref name="rows"/> MNIST records.</summary>
    public static Workload Mnist(int hidden, int batchSize, int rows) =>
        Mnist(hidden, batchSize, MnistData.Value.Select(Enumerable.Range(0, rows).ToArray()));

    private static Workload Mnist(int hidden, int batchSize, DataSet data)
    {
        var spec = NetworkSpec.Create([784, hidden, 10], "relu", "softmax", "cross-entropy");
        return new Workload($"mnist 784-{hidden}-10", () => Initialization.Create(spec, seed: 1), new OptimizerSettings(OptimizerKind.Sgd, 0.1), data, batchSize);
    }
}
