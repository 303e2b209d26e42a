using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.State;

namespace NetOrleans.Grains.Networks;

/// <summary>
/// Where a live network is: its step count, epoch history and optimizer, which run ahead of the stored checkpoint,
/// and whether a failed step has left it in pieces (then it takes no other step until it has gone back).
/// </summary>
internal sealed class NetworkProgress(string networkId)
{
    private List<EpochRecord> _history = [];

    public long Steps { get; private set; }

    public IReadOnlyList<EpochRecord> History => _history;

    public OptimizerSettings? Optimizer { get; private set; }

    /// <summary>When the network took its last step, or null before any.</summary>
    public DateTime? LastTrained { get; private set; }

    /// <summary>True when steps, epochs or the optimizer changed since the last checkpoint.</summary>
    public bool ChangedSinceCheckpoint { get; private set; }

    /// <summary>Why the network must go back to its last checkpoint before another step, or null.</summary>
    public string? MustRestore { get; private set; }

    /// <summary>Back at the stored checkpoint.</summary>
    public void Load(NetworkState stored)
    {
        Steps = stored.Steps;
        _history = [.. stored.History];
        Optimizer = stored.Optimizer;
        LastTrained = stored.LastTrainedAt;
        ChangedSinceCheckpoint = false;
    }

    /// <summary>Writes the live figures into the record that commits a checkpoint.</summary>
    public void SaveTo(NetworkState stored)
    {
        stored.Steps = Steps;
        stored.History = [.. _history];
        stored.Optimizer = Optimizer;
        stored.LastTrainedAt = LastTrained;
    }

    public void Checkpointed() => ChangedSinceCheckpoint = false;

    public void Stepped()
    {
        Steps++;
        LastTrained = DateTime.UtcNow;
        ChangedSinceCheckpoint = true;
    }

    public void OptimizerChanged(OptimizerSettings optimizer)
    {
        Optimizer = optimizer;
        ChangedSinceCheckpoint = true;
    }

    /// <summary>Adds the next epoch; a record that is not the next one is out of step.</summary>
    public void AddEpoch(EpochRecord record)
    {
        if (record.Epoch != _history.Count + 1)
        {
            throw new OutOfStepException($"network '{networkId}' has {_history.Count} epochs, so its next is {_history.Count + 1}, not {record.Epoch}");
        }

        _history.Add(record);
        ChangedSinceCheckpoint = true;
    }

    public void Broken(string why) => MustRestore = why;

    public void Whole() => MustRestore = null;

    /// <summary>Refuses a step while the network is in pieces or when its trainer counts steps differently.</summary>
    public void CheckStep(long step)
    {
        if (MustRestore is { } why)
        {
            throw new OutOfStepException($"network '{networkId}' must go back to its last checkpoint before another step ({why})");
        }

        if (step != Steps)
        {
            MustRestore = $"its trainer expected step {step}, it was at step {Steps}";
            throw new OutOfStepException($"network '{networkId}' is at step {Steps} but its trainer expects step {step}");
        }
    }

    /// <summary>Refuses a checkpoint while the network is in pieces.</summary>
    public void CheckWhole()
    {
        if (MustRestore is { } why)
        {
            throw new OutOfStepException($"network '{networkId}' cannot checkpoint: it must go back to its last checkpoint first ({why})");
        }
    }
}
