using System.Diagnostics;

namespace NetOrleans.AppHost.Tests;

/// <summary>
/// The processes one AppHost run started, found by what their command lines name: its Redis data folder (redis-server's
/// --dir) and its Redis address (each silo's --redis). Read from /proc, since the orchestrator, not this process, is their parent.
/// </summary>
public sealed class ProcessesOf(string marker)
{
    private readonly List<string> _markers = [marker];

    /// <summary>Also counts processes whose command line names <paramref name="other"/>.</summary>
    public void Watch(string other) => _markers.Add(other);

    /// <summary>The ids of the processes running now whose command lines name a marker.</summary>
    public IReadOnlyList<int> Running() => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .Where(pid => pid > 0 && pid != Environment.ProcessId && CommandLine(pid) is { } line && _markers.Any(line.Contains))
        .ToList();

    /// <summary>Waits for each of them to exit; past <paramref name="timeout"/> the ones left are a failure.</summary>
    public async Task WaitUntilGone(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        foreach (var pid in Running())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (ArgumentException)
            {
                // gone between the listing and the lookup
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var left = Running();
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"{left.Count} processes outlived the AppHost: {string.Join("; ", left.Select(p => $"{p}: {CommandLine(p)}"))}");
        }
    }

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
