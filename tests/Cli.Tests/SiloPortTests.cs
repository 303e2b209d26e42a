namespace NetOrleans.Cli.Tests;

/// <summary>
/// Two silo processes on the same ports: the second one fails at once with one line naming the port, exit code 1,
/// and the first one serves on. A healthy start prints no watchdog warning.
/// </summary>
public sealed class SiloPortTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_second_silo_on_the_same_ports_fails_naming_the_port_and_the_first_started_without_a_watchdog_warning()
    {
        var ports = FreePorts.Take(3);
        await using var first = ChildProcess.Start(Silo(ports[0], ports[1]), "silo 1");
        await first.WaitForLine(l => l.StartsWith("silo started", StringComparison.Ordinal), Timeout, "'silo started'");

        var samePorts = await DotnetProcess.Run(RepoLayout.SiloDll, Args(ports[0], ports[1]), _temp.Path, Timeout);
        var sameGateway = await DotnetProcess.Run(RepoLayout.SiloDll, Args(ports[2], ports[1]), _temp.Path, Timeout);

        OneError(samePorts, $"netorleans-silo: silo port {ports[0]} on 127.0.0.1 is in use (another silo?): stop it or choose another with --silo-port");
        OneError(sameGateway, $"netorleans-silo: gateway port {ports[1]} on 127.0.0.1 is in use (another silo?): stop it or choose another with --gateway-port");
        Assert.False(first.HasExited, $"the first silo ended:\n{first.Log}");
        Expect.Success(await InProcessCli.Run("networks", "list", "--gateway", $"127.0.0.1:{ports[1]}"));
        Assert.DoesNotContain("Participant check thread has not completed", first.Log, StringComparison.Ordinal);
    }

    private static void OneError(CommandResult result, string line)
    {
        Assert.True(result.ExitCode == 1, $"expected exit code 1: {result}");
        Assert.Equal([line], result.ErrorLines);
        Assert.Empty(result.OutLines);
    }

    private static string[] Args(int siloPort, int gatewayPort) => ["--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}"];

    private System.Diagnostics.ProcessStartInfo Silo(int siloPort, int gatewayPort) =>
        DotnetProcess.StartInfo(RepoLayout.SiloDll, Args(siloPort, gatewayPort), _temp.Path);
}
