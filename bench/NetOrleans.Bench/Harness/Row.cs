namespace NetOrleans.Bench.Harness;

/// <summary>One line of the table: the grain path, the reference measured in the same run, and their ratio.</summary>
/// <param name="Scenario">what was run</param>
/// <param name="Per">what one value is per (sample, epoch, call, step, grain)</param>
/// <param name="Unit">seconds, bytes or a count</param>
/// <param name="Grains">median of the grain path</param>
/// <param name="Reference">median of the in-process reference (or the baseline named in the note); null when none</param>
/// <param name="Note">how it was measured, spreads, checks</param>
public sealed record Row(string Scenario, string Per, Unit Unit, double Grains, double? Reference, string Note)
{
    public double? Ratio => Reference is { } r && r != 0 ? Grains / r : null;
}
