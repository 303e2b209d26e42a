namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>One span a neuron made: its name, when it started, how long it took (ms) and its trace.</summary>
public sealed record SpanView(string Name, DateTime Start, double DurationMs, string TraceId, int? Batch);
