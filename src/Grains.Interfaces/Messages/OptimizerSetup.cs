using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>Which optimizer a network's neurons use, and its hyper-parameters.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.OptimizerSetup")]
public sealed record OptimizerSetup(string Kind, double LearningRate, double Momentum, double Beta1, double Beta2, double Epsilon)
{
    public static OptimizerSetup From(OptimizerSettings s) => new(s.Kind, s.LearningRate, s.Momentum, s.Beta1, s.Beta2, s.Epsilon);

    public OptimizerSettings ToSettings() => new(Kind, LearningRate, Momentum, Beta1, Beta2, Epsilon);
}
