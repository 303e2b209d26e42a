using Microsoft.Extensions.Hosting;

namespace NetOrleans.Client.Connection;

/// <summary>
/// A host lifetime that leaves the process's signals alone. The default one (ConsoleLifetime) takes SIGINT for itself
/// and only asks the host to stop, which the console never waits for: Ctrl-C did nothing. Ctrl-C is the command's
/// (<see cref="Cli.CtrlC"/>).
/// </summary>
public sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
