namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>
/// POST /api/jobs: the settings of `netorleans train`, by the same names. Data is a built-in data set (gender, xor,
/// iris, mnist) or a data set held in the cluster (a job's "trainSet", such as job-1a2b3c4d/train); network trains an
/// existing network further, or names the new one (by default net-XXXXXXXX) made from layers, activation, output, loss,
/// scale and seed.
/// </summary>
public sealed record JobStartRequest(
    string Data,
    string? TestData = null,
    string? Network = null,
    string? Layers = null,
    string? Activation = null,
    string? Output = null,
    string? Loss = null,
    string? Scale = null,
    string? Optimizer = null,
    double? Lr = null,
    double? Momentum = null,
    double? Beta1 = null,
    double? Beta2 = null,
    double? Eps = null,
    int? Epochs = null,
    int? BatchSize = null,
    bool? Shuffle = null,
    long? Seed = null,
    int? TraceBatches = null,
    double? CheckpointSeconds = null);
