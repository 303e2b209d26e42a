namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>A row a classifier got wrong: its label, what it predicted, and its inputs when they are a 28 x 28 image.</summary>
public sealed record Misclassified(int Row, string Label, string Predicted, double[]? Pixels);
