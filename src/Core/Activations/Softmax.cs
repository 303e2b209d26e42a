namespace NetOrleans.Core.Activations;

/// <summary>
/// softmax(z)_j = e^(z_j - max z) / sum_k e^(z_k - max z), over the neurons of one layer.
/// Each neuron computes its logit z_j (f is the identity at the neuron); the network normalises the layer
/// and hands each neuron dL/dz_j, so the neuron's backward is the identity too.
/// </summary>
public sealed class Softmax : Activation
{
    public static readonly Softmax Instance = new();

    public override ActivationKind Kind => ActivationKind.Softmax;

    public override string Name => "softmax";

    public override bool IsLayerCoupled => true;

    public override void Forward(ReadOnlySpan<double> z, Span<double> a) => z.CopyTo(a);

    public override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> g, Span<double> delta) => g.CopyTo(delta);

    /// <summary>Normalises every row of a B x k matrix of logits in place into probabilities.</summary>
    /// <param name="z">B x k logits, row-major; on return B x k probabilities</param>
    public static void NormaliseRows(Span<double> z, int k)
    {
        for (var row = 0; row + k <= z.Length; row += k)
        {
            var r = z.Slice(row, k);
            var max = double.NegativeInfinity;
            foreach (var v in r)
            {
                max = Math.Max(max, v);
            }

            var sum = 0.0;
            for (var j = 0; j < k; j++)
            {
                r[j] = Math.Exp(r[j] - max);
                sum += r[j];
            }

            for (var j = 0; j < k; j++)
            {
                r[j] /= sum;
            }
        }
    }

    /// <summary>dL/dz from dL/dp for every row: dz_j = p_j (g_j - sum_k g_k p_k).</summary>
    /// <param name="p">B x k probabilities</param>
    /// <param name="g">B x k gradients dL/dp; on return B x k gradients dL/dz</param>
    public static void BackwardRows(ReadOnlySpan<double> p, Span<double> g, int k)
    {
        for (var row = 0; row + k <= p.Length; row += k)
        {
            var pr = p.Slice(row, k);
            var gr = g.Slice(row, k);
            var dot = 0.0;
            for (var j = 0; j < k; j++)
            {
                dot += gr[j] * pr[j];
            }

            for (var j = 0; j < k; j++)
            {
                gr[j] = pr[j] * (gr[j] - dot);
            }
        }
    }
}
