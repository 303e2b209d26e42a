using NetOrleans.Grains.Interfaces.Faults;

namespace NetOrleans.Grains.Jobs;

/// <summary>How a job reads what went wrong: which failures a rollback to the last checkpoint mends (<see cref="FaultText"/> says it in one line).</summary>
internal static class JobFaults
{
    /// <summary>
    /// True for what a rollback to the last checkpoint mends: a lost silo, a neuron out of step, a timeout, storage
    /// that went away. False for what it cannot: bad input, divergence, a network that is gone or held by another job,
    /// a checkpoint that cannot be read back, and a newer run of the same job.
    /// </summary>
    public static bool Mendable(Exception e) =>
        e is not (ArgumentException or KeyNotFoundException or ArithmeticException or StaleRunException or OperationCanceledException)
        && e.GetType() != typeof(InvalidOperationException);
}
