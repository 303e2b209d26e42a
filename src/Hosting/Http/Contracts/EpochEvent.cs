namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>An 'epoch' event: the job's epoch (1-based within the job) of its epochs, the network's figures for it, the speed and the time left.</summary>
public sealed record EpochEvent(string Job, int Epoch, int Epochs, EpochView Figures, double SamplesPerSecond, double? EtaSeconds);
