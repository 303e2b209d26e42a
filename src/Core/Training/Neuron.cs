using NetOrleans.Core.Activations;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Core.Training;

/// <summary>
/// One neuron: a = f(X w + b) forward, and backward from its upstream gradient g = dL/da:
/// delta = g * f'(z), grad_w = X^T delta, grad_b = sum(delta), then one optimizer step.
/// The neuron grain and the reference trainer both run this class, so their arithmetic is the same to the bit.
/// </summary>
public sealed class Neuron
{
    private ReadOnlyMemory<double> _x;
    private double[]? _z;
    private double[]? _a;

    /// <param name="f">the activation</param>
    /// <param name="theta">n + 1 parameters [w, b]; the neuron owns this array from now on</param>
    /// <param name="optimizer">the optimizer settings</param>
    /// <param name="state">the optimizer state, or null for a fresh one</param>
    public Neuron(Activation f, double[] theta, OptimizerSettings optimizer, OptimizerState? state = null)
    {
        if (theta.Length < 2)
        {
            throw new ArgumentException($"a neuron needs at least one input weight and a bias, got {theta.Length} parameters");
        }

        F = f;
        Theta = theta;
        Optimizer = optimizer;
        State = state ?? new OptimizerState();
    }

    /// <summary>The activation f.</summary>
    public Activation F { get; }

    /// <summary>n + 1 parameters: w_0 .. w_{n-1}, then b.</summary>
    public double[] Theta { get; private set; }

    /// <summary>n, the fan-in.</summary>
    public int Inputs => Theta.Length - 1;

    /// <summary>The optimizer settings.</summary>
    public OptimizerSettings Optimizer { get; set; }

    /// <summary>The optimizer's moments.</summary>
    public OptimizerState State { get; private set; }

    /// <summary>True between a training forward pass and its backward pass.</summary>
    public bool HasPendingForward => _z is not null;

    /// <summary>B of the pending training forward pass, or 0 when there is none.</summary>
    public int PendingBatch => _z?.Length ?? 0;

    /// <summary>a = f(X w + b).</summary>
    /// <param name="x">B x n inputs, row-major; kept (not copied) until backward when <paramref name="train"/></param>
    /// <param name="train">keep X, z and a for the backward pass of this step</param>
    /// <returns>B activations (B logits for a softmax layer)</returns>
    public double[] Forward(ReadOnlyMemory<double> x, bool train)
    {
        var batch = BatchOf(x.Length);
        var z = new double[batch];
        var a = new double[batch];
        NeuronKernel.Forward(x.Span, Theta, z);
        F.Forward(z, a);
        if (train)
        {
            _x = x;
            _z = z;
            _a = a;
        }

        return a;
    }

    /// <summary>Backward from g = dL/da, then one optimizer step.</summary>
    /// <param name="g">B upstream gradients dL/da (dL/dz for a softmax layer)</param>
    /// <returns>delta = dL/dz (B values), the parameters theta as they were before the step (n + 1) and their gradient (n + 1)</returns>
    public NeuronStep Backward(ReadOnlySpan<double> g)
    {
        if (_z is null || _a is null)
        {
            throw new InvalidOperationException("backward called before forward: this neuron has no forward pass to differentiate");
        }

        if (g.Length != _z.Length)
        {
            throw new ArgumentException($"upstream gradient has {g.Length} values but the forward batch had {_z.Length}");
        }

        var delta = new double[g.Length];
        F.Backward(_z, _a, g, delta);
        var grad = new double[Theta.Length];
        NeuronKernel.Gradient(_x.Span, delta, grad);
        for (var i = 0; i < grad.Length; i++)
        {
            if (!double.IsFinite(grad[i]))
            {
                // Before the optimizer touches theta or its moments: the neuron stays as it was, its pass still pending.
                throw new ArithmeticException($"the gradient of parameter {i} is {grad[i]}, not a finite number (a NaN or infinite input or upstream gradient, or an overflow); no step taken");
            }
        }

        var before = Theta;
        var after = (double[])before.Clone();
        Optimizers.Optimizer.Step(Optimizer, State, after, grad);
        Theta = after;
        _x = default;
        _z = null;
        _a = null;
        return new NeuronStep(delta, before, grad);
    }

    /// <summary>
    /// The output layer's whole step in one: a = f(X w + b), g = dL/da from this neuron's own column of targets,
    /// then backward and one optimizer step. Only for an element-wise output (not softmax).
    /// </summary>
    /// <param name="x">B x n inputs</param>
    /// <param name="y">B x k targets of the whole output layer</param>
    /// <param name="loss">the loss</param>
    /// <param name="j">this neuron's index in the output layer (its target column)</param>
    /// <returns>B activations, and the step</returns>
    public (double[] A, NeuronStep Step) TrainOutput(ReadOnlyMemory<double> x, ReadOnlySpan<double> y, Losses.Loss loss, int j)
    {
        if (F.IsLayerCoupled)
        {
            throw new InvalidOperationException("a softmax neuron cannot compute its own loss gradient: the network normalises its layer");
        }

        // Everything is checked before the forward pass replaces a pending one.
        var batch = BatchOf(x.Length);
        if (y.Length % batch != 0 || j >= y.Length / batch)
        {
            throw new ArgumentException($"targets of {y.Length} values do not give column {j} for a batch of {batch}");
        }

        var pending = (_x, _z, _a);
        var a = Forward(x, train: true);
        var k = y.Length / batch;
        var g = new double[batch];
        for (var s = 0; s < batch; s++)
        {
            g[s] = loss.Derivative(a[s], y[s * k + j], k, batch);
        }

        try
        {
            return (a, Backward(g));
        }
        catch (ArithmeticException)
        {
            // A step refused leaves the neuron as the call found it, with the pass that was pending then.
            (_x, _z, _a) = pending;
            throw;
        }
    }

    /// <summary>B, the rows in <paramref name="length"/> inputs; throws unless they are a whole, non-empty batch of rows of n.</summary>
    private int BatchOf(int length)
    {
        var n = Inputs;
        if (length == 0 || length % n != 0)
        {
            throw new ArgumentException($"input of {length} values is not a whole batch of rows of {n} features");
        }

        return length / n;
    }
}
