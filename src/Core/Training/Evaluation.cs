namespace NetOrleans.Core.Training;

/// <summary>
/// Accumulates a network's outputs over a data set, chunk by chunk: the mean loss and, for classes,
/// the accuracy and the confusion matrix (rows: true class, columns: predicted class).
/// </summary>
public sealed class Evaluation
{
    private readonly Losses.Loss _loss;
    private readonly int _k;
    private readonly int _classes;
    private double _lossSum;

    /// <param name="loss">the loss</param>
    /// <param name="outputs">k, outputs per sample</param>
    /// <param name="hasClasses">whether targets are classes (one-hot, or one 0/1 output)</param>
    public Evaluation(Losses.Loss loss, int outputs, bool hasClasses)
    {
        _loss = loss;
        _k = outputs;
        _classes = hasClasses ? Math.Max(outputs, 2) : 0;
        Confusion = hasClasses ? new long[_classes, _classes] : null;
    }

    /// <summary>Samples seen.</summary>
    public long Count { get; private set; }

    /// <summary>Samples whose predicted class is the true class.</summary>
    public long Correct { get; private set; }

    /// <summary>Confusion counts [true, predicted], or null for regression.</summary>
    public long[,]? Confusion { get; }

    /// <summary>The mean loss over every sample seen.</summary>
    public double Loss => Count == 0 ? double.NaN : _lossSum / Count;

    /// <summary>The fraction right, or null for regression.</summary>
    public double? Accuracy => Confusion is null || Count == 0 ? null : (double)Correct / Count;

    /// <summary>The class an output row predicts: the arg max, or output &gt;= 0.5 for one output.</summary>
    public static int PredictedClass(ReadOnlySpan<double> row) =>
        row.Length == 1 ? (row[0] >= 0.5 ? 1 : 0) : ArgMax(row);

    /// <summary>Adds a chunk.</summary>
    /// <param name="a">B x k outputs</param>
    /// <param name="y">B x k targets</param>
    public void Add(ReadOnlySpan<double> a, ReadOnlySpan<double> y)
    {
        var batch = a.Length / _k;
        _lossSum += _loss.Value(a, y, _k) * batch;
        Count += batch;
        if (Confusion is null)
        {
            return;
        }

        for (var s = 0; s < batch; s++)
        {
            var predicted = PredictedClass(a.Slice(s * _k, _k));
            var truth = PredictedClass(y.Slice(s * _k, _k));
            Confusion[truth, predicted]++;
            if (predicted == truth)
            {
                Correct++;
            }
        }
    }

    /// <summary>How many rows of <paramref name="a"/> predict the class of the same row of <paramref name="y"/>.</summary>
    /// <param name="a">B x k outputs</param>
    /// <param name="y">B x k targets</param>
    /// <param name="k">outputs per row</param>
    public static int CorrectRows(ReadOnlySpan<double> a, ReadOnlySpan<double> y, int k)
    {
        var correct = 0;
        for (var s = 0; s < a.Length / k; s++)
        {
            if (PredictedClass(a.Slice(s * k, k)) == PredictedClass(y.Slice(s * k, k)))
            {
                correct++;
            }
        }

        return correct;
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var j = 1; j < row.Length; j++)
        {
            if (row[j] > row[best])
            {
                best = j;
            }
        }

        return best;
    }
}
