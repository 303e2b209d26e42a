namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>A classifier on a data set: Matrix[actual][predicted] counts, the accuracy, and the first rows it got wrong.</summary>
public sealed record ConfusionView(string Network, string DataSet, IReadOnlyList<string> Classes, int[][] Matrix, double Accuracy, Misclassified[] Wrong);
