using NetOrleans.Core.Optimizers;

namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>An optimizer's settings.</summary>
public sealed record OptimizerView(string Kind, double LearningRate, double Momentum, double Beta1, double Beta2, double Epsilon)
{
    public static OptimizerView Of(OptimizerSettings o) => new(o.Kind.Name(), o.LearningRate, o.Momentum, o.Beta1, o.Beta2, o.Epsilon);
}
