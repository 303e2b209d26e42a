namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>The edge from unit <paramref name="From"/> of the layer below, with its weight w.</summary>
public sealed record GraphEdge(int From, double Weight);
