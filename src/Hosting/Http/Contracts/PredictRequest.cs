namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>POST /api/networks/{id}/predict: one row (row) or many (rows), each n_0 raw inputs, scaled by the network as it was trained.</summary>
public sealed record PredictRequest(double[][]? Rows = null, double[]? Row = null);
