namespace NetOrleans.Core.Optimizers;

/// <summary>Which optimizer, and its hyper-parameters.</summary>
/// <param name="Kind">sgd, momentum or adam</param>
/// <param name="LearningRate">eta, the step size</param>
/// <param name="Momentum">mu, for momentum</param>
/// <param name="Beta1">beta1, Adam's first-moment decay</param>
/// <param name="Beta2">beta2, Adam's second-moment decay</param>
/// <param name="Epsilon">epsilon, Adam's denominator guard</param>
public sealed record OptimizerSettings(
    OptimizerKind Kind = OptimizerKind.Sgd,
    double LearningRate = 0.1,
    double Momentum = 0.9,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8)
{
    /// <summary>Throws an <see cref="ArgumentException"/> that names the first bad setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw OptimizerKinds.Unknown(Kind.ToString());
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentException($"learning rate must be a positive finite number, got {LearningRate}");
        }

        if (!double.IsFinite(Momentum) || Momentum < 0 || Momentum >= 1)
        {
            throw new ArgumentException($"momentum must be in [0, 1), got {Momentum}");
        }

        if (!double.IsFinite(Beta1) || Beta1 < 0 || Beta1 >= 1 || !double.IsFinite(Beta2) || Beta2 < 0 || Beta2 >= 1)
        {
            throw new ArgumentException($"Adam's beta1 and beta2 must be in [0, 1), got {Beta1} and {Beta2}");
        }

        if (!double.IsFinite(Epsilon) || Epsilon <= 0)
        {
            throw new ArgumentException($"Adam's epsilon must be a positive finite number, got {Epsilon}");
        }
    }
}
