using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>A complete data set as stored: N x n features and N x k targets.</summary>
[GenerateSerializer, Alias("NetOrleans.DataSetState")]
public sealed class DataSetState
{
    [Id(0)] public DataSetHeader? Header { get; set; }

    [Id(1)] public double[] X { get; set; } = [];

    [Id(2)] public double[] Y { get; set; } = [];
}
