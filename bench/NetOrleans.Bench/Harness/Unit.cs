namespace NetOrleans.Bench.Harness;

/// <summary>What a row's numbers are.</summary>
public enum Unit
{
    Seconds,
    Bytes,
    Count,
}
