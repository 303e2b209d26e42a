namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>
/// The right to train a network, held by one run of one job. A job's every new activation that runs it takes the next
/// generation; the network refuses training calls from any older one, so two runs of a job can never both step it.
/// </summary>
/// <param name="JobId">the job</param>
/// <param name="Generation">the run, counting up from 1 over the job's activations (stored with the job)</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.RunLease")]
public sealed record RunLease(string JobId, long Generation)
{
    public override string ToString() => $"job '{JobId}' run {Generation}";
}
