namespace NetOrleans.Cli.Tests;

/// <summary>
/// The training job the fault tests disturb. In CI a small one (Iris, 4-16-3); with NETORLEANS_FAULTS=full (as
/// scripts/faults.sh runs them) the issue's own: MNIST-10k, 784-64-10, SGD lr 0.5, batch 128, 15 epochs.
/// </summary>
public sealed record FaultWorkload(string Name, string[] Train, int Epochs)
{
    public static FaultWorkload Current { get; } = Environment.GetEnvironmentVariable("NETORLEANS_FAULTS") == "full" ? Full : Small;

    private static FaultWorkload Small => new("iris 4-16-3, adam, batch 4, 120 epochs", [
        "train", "--data", "iris", "--layers", "4,16,3", "--activation", "relu", "--output", "softmax", "--scale", "standard",
        "--epochs", "120", "--batch-size", "4", "--optimizer", "adam", "--lr", "0.01", "--seed", "5", "--checkpoint-seconds", "0"], 120);

    private static FaultWorkload Full => new("mnist 784-64-10, sgd lr 0.5, batch 128, 15 epochs", [
        "train", "--data", "mnist", "--layers", "784,64,10", "--activation", "relu", "--output", "softmax", "--loss", "cross-entropy",
        "--lr", "0.5", "--batch-size", "128", "--epochs", "15", "--seed", "1", "--checkpoint-seconds", "0"], 15);

    /// <summary>The job on <paramref name="network"/>, with any further options.</summary>
    public string[] On(string network, params string[] more) => [.. Train, "--network", network, .. more];
}
