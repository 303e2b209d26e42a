using NetOrleans.Core.Activations;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What one neuron is and has done, for the HTTP API and the live page.</summary>
/// <param name="Activation">f</param>
/// <param name="Theta">n + 1 parameters: w_1 .. w_n, then b</param>
/// <param name="Steps">the steps of its network it has taken</param>
/// <param name="Optimizer">its optimizer settings</param>
/// <param name="MomentNorms">the Euclidean norms of its optimizer's first and second moments (m, v), null where it keeps none</param>
/// <param name="Silo">the silo it is active on (<c>SiloAddress.ToParsableString()</c>)</param>
/// <param name="Calls">the calls it has answered in this activation</param>
/// <param name="LastActivations">the first (at most 16) activations a of its last forward pass, empty before one</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronInspection")]
public sealed record NeuronInspection(
    ActivationKind Activation,
    double[] Theta,
    long Steps,
    OptimizerSettings Optimizer,
    double[]? MomentNorms,
    string Silo,
    NeuronCallCounts Calls,
    double[] LastActivations);
