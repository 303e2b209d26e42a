namespace NetOrleans.AppHost.Tests;

/// <summary>
/// The processes an AppHost runs, read from /proc: the AppHost, Aspire's orchestrator (DCP, which detaches itself: found
/// by the AppHost's pid on its command line and by its kubeconfig), and every descendant of those (Redis, the silos, the dashboard).
/// </summary>
public static class ProcessTree
{
    /// <summary>Each process's id with its command line, for the AppHost <paramref name="appHost"/> and what it started.</summary>
    public static IReadOnlyDictionary<int, string> Of(int appHost)
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: Parent(pid), Line: CommandLine(pid)))
            .Where(p => p.Line is not null)
            .ToList();
        var dcp = all.Where(p => p.Line!.Contains($"--monitor {appHost} ", StringComparison.Ordinal)).ToList();
        var kubeconfigs = dcp.Select(p => Argument(p.Line!, "--kubeconfig")).OfType<string>().ToHashSet();
        var found = new HashSet<int>([appHost, .. dcp.Select(p => p.Pid), .. all.Where(p => kubeconfigs.Any(p.Line!.Contains)).Select(p => p.Pid)]);
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var p in all.Where(p => !found.Contains(p.Pid) && found.Contains(p.Parent)))
            {
                grown |= found.Add(p.Pid);
            }
        }

        return all.Where(p => found.Contains(p.Pid)).ToDictionary(p => p.Pid, p => p.Line!);
    }

    /// <summary>The ones of <paramref name="pids"/> still running (not exited, not a zombie).</summary>
    public static IReadOnlyList<int> Running(IEnumerable<int> pids) => pids.Where(pid =>
        File.Exists($"/proc/{pid}/stat") && Stat(pid) is { } stat && !stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z')).ToList();

    private static string? Argument(string line, string name)
    {
        var words = line.Split(' ');
        var i = Array.IndexOf(words, name);
        return i >= 0 && i + 1 < words.Length ? words[i + 1].Trim('"') : null;
    }

    private static int Parent(int pid) =>
        Stat(pid) is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : 0;

    private static string? Stat(int pid) => Read($"/proc/{pid}/stat");

    private static string? CommandLine(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ');

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
