namespace NetOrleans.Core.Models;

/// <summary>What a training history must be: epochs 1..n in order, finite losses, accuracies in [0, 1].</summary>
public static class EpochHistory
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first entry (1-based) that is wrong.</summary>
    public static void Validate(IReadOnlyList<EpochRecord> history)
    {
        for (var i = 0; i < history.Count; i++)
        {
            var r = history[i];
            var problem =
                r.Epoch != i + 1 ? $"epoch {r.Epoch}, expected {i + 1} (epochs run 1, 2, 3, ... in order)"
                : !double.IsFinite(r.TrainLoss) ? $"trainLoss {r.TrainLoss} is not finite"
                : r.TestLoss is { } testLoss && !double.IsFinite(testLoss) ? $"testLoss {testLoss} is not finite"
                : r.TrainAccuracy is { } trainAccuracy && !IsFraction(trainAccuracy) ? $"trainAccuracy {trainAccuracy} is not in [0, 1]"
                : r.TestAccuracy is { } testAccuracy && !IsFraction(testAccuracy) ? $"testAccuracy {testAccuracy} is not in [0, 1]"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"history entry {i + 1}: {problem}");
            }
        }
    }

    private static bool IsFraction(double value) => value is >= 0 and <= 1;
}
