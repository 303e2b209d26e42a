namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A server-side training run of a network over a data set held in the cluster.</summary>
/// <param name="NetworkId">the network to train (it must exist)</param>
/// <param name="TrainSetId">the training data set</param>
/// <param name="TestSetId">an optional test data set, evaluated after every epoch</param>
/// <param name="Epochs">passes over the training set</param>
/// <param name="BatchSize">samples per optimizer step</param>
/// <param name="Shuffle">reshuffle the training set every epoch from the seed</param>
/// <param name="Seed">the shuffle seed</param>
/// <param name="TraceBatches">
/// which batches of every epoch are traced when tracing is on: 0 the first, N every Nth (batches 1, N + 1, ...), 1 all
/// </param>
/// <param name="CheckpointSeconds">
/// a checkpoint ends every epoch that ends at least this long after the last one (0: every epoch), and the job
/// </param>
[GenerateSerializer, Immutable, Alias("NetOrleans.JobRequest")]
public sealed record JobRequest(
    string NetworkId, string TrainSetId, string? TestSetId, int Epochs, int BatchSize, bool Shuffle, long Seed, int TraceBatches = 0, double CheckpointSeconds = 0);
