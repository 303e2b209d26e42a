namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A block of numbers on the wire: a batch (B x n, row-major), a column of B values, or a neuron's n + 1 parameters.
/// Inside a silo it is passed by reference (never mutate it after sending); between silos it crosses as one block of
/// bytes (<see cref="DoublesConverter"/>), not number by number.
/// </summary>
/// <param name="Value">the numbers</param>
[Immutable]
public sealed record Doubles(double[] Value)
{
    /// <summary>No numbers.</summary>
    public static readonly Doubles Empty = new([]);

    /// <summary>How many numbers.</summary>
    public int Length => Value.Length;

    public static implicit operator Doubles(double[] value) => new(value);
}
