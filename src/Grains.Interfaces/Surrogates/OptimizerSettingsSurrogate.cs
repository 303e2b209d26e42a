using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>What <see cref="OptimizerSettings"/> are on the wire and in storage.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.OptimizerSettings")]
public struct OptimizerSettingsSurrogate
{
    [Id(0)] public OptimizerKind Kind;

    [Id(1)] public double LearningRate;

    [Id(2)] public double Momentum;

    [Id(3)] public double Beta1;

    [Id(4)] public double Beta2;

    [Id(5)] public double Epsilon;
}
