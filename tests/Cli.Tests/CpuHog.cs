using System.Diagnostics;

namespace NetOrleans.Cli.Tests;

/// <summary>Busy loops (`sh -c 'while :; do :; done'`), one per core, that compete with the silos for the CPU until disposed.</summary>
public sealed class CpuHog : IAsyncDisposable
{
    private readonly ChildProcess[] _loops;

    public CpuHog(int loops)
    {
        _loops = Enumerable.Range(1, loops).Select(i =>
        {
            var info = new ProcessStartInfo("sh");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("while :; do :; done");
            return ChildProcess.Start(info, $"busy loop {i}");
        }).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var loop in _loops)
        {
            await loop.DisposeAsync();
        }
    }
}
