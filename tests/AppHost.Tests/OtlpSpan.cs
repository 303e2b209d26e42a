namespace NetOrleans.AppHost.Tests;

/// <summary>One span as an OTLP export carried it: its Resource's attributes beside its own.</summary>
/// <param name="Resource">the attributes of the process that recorded it (service.name, netorleans.silo, ...)</param>
/// <param name="Name">the span's name as exported: its display name ("neuron.forward L1/N3")</param>
/// <param name="TraceId">the trace's id, 32 hexadecimal digits</param>
/// <param name="Attributes">the span's attributes, values as text</param>
public sealed record OtlpSpan(IReadOnlyDictionary<string, string> Resource, string Name, string TraceId, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The Resource's service.name: the AppHost's name of the silo.</summary>
    public string Service => Resource.GetValueOrDefault("service.name", "");

    /// <summary>True when the span is a <paramref name="operation"/> (neuron.forward), whatever its display name adds.</summary>
    public bool Is(string operation) => Name == operation || Name.StartsWith(operation + " ", StringComparison.Ordinal);
}
