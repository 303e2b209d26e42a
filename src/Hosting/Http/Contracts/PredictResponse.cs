namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>The network's outputs, B x n_L, and for a classifier the class each row is given.</summary>
public sealed record PredictResponse(string Network, double[][] Outputs, IReadOnlyList<string>? Classes, string[]? Predicted);
