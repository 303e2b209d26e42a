namespace NetOrleans.Grains.Sizes;

/// <summary>How much of the silos' memory new networks may take (the silo's memory-budget setting).</summary>
public sealed class MemoryBudgetOptions
{
    /// <summary>The default share of the memory the silos have available: the rest is for storage, batches and the runtime.</summary>
    public const double DefaultFraction = 0.5;

    /// <summary>A fixed budget in bytes for the whole cluster, or null for <see cref="Fraction"/> of what the silos have available.</summary>
    public long? Bytes { get; set; }

    /// <summary>The share of the silos' available memory a network may take when <see cref="Bytes"/> is not set.</summary>
    public double Fraction { get; set; } = DefaultFraction;
}
