using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>Lets Orleans carry Core's <see cref="OptimizerSettings"/>; the grain that takes them calls <see cref="OptimizerSettings.Validate"/>.</summary>
[RegisterConverter]
public sealed class OptimizerSettingsConverter : IConverter<OptimizerSettings, OptimizerSettingsSurrogate>
{
    public OptimizerSettings ConvertFromSurrogate(in OptimizerSettingsSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.LearningRate, surrogate.Momentum, surrogate.Beta1, surrogate.Beta2, surrogate.Epsilon);

    public OptimizerSettingsSurrogate ConvertToSurrogate(in OptimizerSettings value) => new()
    {
        Kind = value.Kind,
        LearningRate = value.LearningRate,
        Momentum = value.Momentum,
        Beta1 = value.Beta1,
        Beta2 = value.Beta2,
        Epsilon = value.Epsilon,
    };
}
