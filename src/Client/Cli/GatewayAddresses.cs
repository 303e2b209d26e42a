namespace NetOrleans.Client.Cli;

/// <summary>
/// The gateways a command connects through: every --gateway given, else the NETORLEANS_GATEWAY variable (one or more
/// HOST:PORT, separated by commas or spaces); none means this process hosts its own silo.
/// </summary>
public static class GatewayAddresses
{
    public const string Variable = "NETORLEANS_GATEWAY";

    /// <summary>The gateways of <paramref name="args"/>, or of the environment when it gives none.</summary>
    public static IReadOnlyList<string> Of(Arguments args) => args.All("--gateway") is { Count: > 0 } given ? given : FromEnvironment();

    /// <summary>NETORLEANS_GATEWAY's addresses; empty when it is not set.</summary>
    public static IReadOnlyList<string> FromEnvironment() =>
        (Environment.GetEnvironmentVariable(Variable) ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The gateways of <paramref name="args"/>; none is an error, since <paramref name="command"/> only makes sense against a cluster.</summary>
    public static IReadOnlyList<string> Required(Arguments args, string command) => Of(args) is { Count: > 0 } gateways
        ? gateways
        : throw new UsageException($"{command} needs a cluster: give --gateway HOST:PORT or set {Variable} (without one this process would host its own, empty silo)");
}
