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
/// a checkpoint ends every epoch that ends at least this long after the last one (0: every epoch), and the job; a
/// lost silo costs at most this much work
/// </param>
/// <param name="StorageTimeoutSeconds">
/// how long the job waits for its storage or its cluster to come back after losing them (it pauses meanwhile) before
/// it gives up
/// </param>
[GenerateSerializer, Immutable, Alias("NetOrleans.JobRequest")]
public sealed record JobRequest(
    string NetworkId,
    string TrainSetId,
    string? TestSetId,
    int Epochs,
    int BatchSize,
    bool Shuffle,
    long Seed,
    int TraceBatches = 0,
    double CheckpointSeconds = JobRequest.DefaultCheckpointSeconds,
    double StorageTimeoutSeconds = JobRequest.DefaultStorageTimeoutSeconds)
{
    /// <summary>By default a job checkpoints at most this often (and at its end).</summary>
    public const double DefaultCheckpointSeconds = 5;

    /// <summary>By default a job waits this long for lost storage or a settling cluster.</summary>
    public const double DefaultStorageTimeoutSeconds = 60;

    /// <summary>The most epochs a job runs.</summary>
    public const int MaxEpochs = 1_000_000;

    /// <summary>Throws an <see cref="ArgumentException"/> that names the first thing wrong, before any work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(NetworkId) || string.IsNullOrWhiteSpace(TrainSetId))
        {
            throw new ArgumentException("a job needs a network and a training data set");
        }

        if (Epochs < 1 || Epochs > MaxEpochs)
        {
            throw new ArgumentException($"epochs must be between 1 and {MaxEpochs}, got {Epochs}");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        }

        if (TraceBatches < 0)
        {
            throw new ArgumentException($"trace batches must be 0 (the first of every epoch) or N >= 1 (every Nth), got {TraceBatches}");
        }

        if (!double.IsFinite(CheckpointSeconds) || CheckpointSeconds < 0)
        {
            throw new ArgumentException($"checkpoint seconds must be 0 (every epoch) or more, got {CheckpointSeconds}");
        }

        if (!double.IsFinite(StorageTimeoutSeconds) || StorageTimeoutSeconds <= 0 || StorageTimeoutSeconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            throw new ArgumentException($"storage timeout must be more than 0 and at most a day in seconds, got {StorageTimeoutSeconds}");
        }
    }
}
