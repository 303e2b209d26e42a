namespace NetOrleans.Core.Training;

/// <summary>What a neuron's backward pass hands to the layer below.</summary>
/// <param name="Delta">B values dL/dz</param>
/// <param name="ThetaBefore">n + 1 parameters [w, b] as they were before this step's update</param>
/// <param name="Grad">n + 1 gradients dL/dtheta [grad_w, grad_b] that the step followed</param>
public sealed record NeuronStep(double[] Delta, double[] ThetaBefore, double[] Grad);
