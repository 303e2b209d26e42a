using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// A process that runs beside a test (a silo, redis-server, `netorleans jobs watch`): its output lines as they come,
/// a wait for a line or for its exit, a graceful stop (SIGTERM) or a kill; on dispose it is killed if still running
/// (only this process and its children).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly List<(string Stream, string Line)> _lines = [];
    private readonly List<(string Stream, Func<string, bool> Match, TaskCompletionSource<string> Found)> _waits = [];
    private readonly Task _exited;

    private ChildProcess(ProcessStartInfo info, string name)
    {
        Name = name;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Received("out", e.Data);
        _process.ErrorDataReceived += (_, e) => Received("err", e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _exited = Exited();
    }

    /// <summary>What the tests call it in messages ("silo 2", "redis-server").</summary>
    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything it has printed so far, "out: " and "err: " lines interleaved as received.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="info"/>'s program with standard input closed and both outputs read line by line.</summary>
    public static ChildProcess Start(ProcessStartInfo info, string name) => new(WithSigIntDefault(info), name);

    /// <summary>
    /// A process started in the background by a shell without job control ignores SIGINT, and its children inherit that
    /// (the .NET runtime then leaves Ctrl-C alone). So when this process ignores SIGINT, the child starts through
    /// coreutils' <c>env --default-signal=INT</c>, which gives it back the default before the program runs, as a
    /// terminal's foreground command has it.
    /// </summary>
    private static ProcessStartInfo WithSigIntDefault(ProcessStartInfo info)
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if ((mask & (1UL << (SigInt - 1))) == 0)
        {
            return info;
        }

        var program = info.FileName;
        string[] args = [.. info.ArgumentList];
        info.FileName = "env";
        info.ArgumentList.Clear();
        foreach (var arg in new[] { "--default-signal=INT", program }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>
    /// The first line on standard output that <paramref name="match"/> accepts, as soon as it is printed (at once if it was
    /// already); an error with the log when the process exits without it or <paramref name="timeout"/> passes.
    /// </summary>
    public Task<string> WaitForLine(Func<string, bool> match, TimeSpan timeout, string what) => WaitForLine("out", match, timeout, what);

    /// <summary>As <see cref="WaitForLine(Func{string, bool}, TimeSpan, string)"/>, on standard error.</summary>
    public Task<string> WaitForErrorLine(Func<string, bool> match, TimeSpan timeout, string what) => WaitForLine("err", match, timeout, what);

    private async Task<string> WaitForLine(string stream, Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_log)
        {
            if (_lines.FirstOrDefault(l => l.Stream == stream && match(l.Line)) is { Line: { } line })
            {
                return line;
            }

            _waits.Add((stream, match, found));
        }

        var done = await Task.WhenAny(found.Task, _exited.ContinueWith(_ => "", TaskScheduler.Default), Task.Delay(timeout));
        if (done == found.Task)
        {
            return await found.Task;
        }

        var why = _process.HasExited ? $"it exited with code {_process.ExitCode}" : $"{timeout.TotalSeconds:F0} s passed";
        throw new InvalidOperationException($"{Name} (pid {Id}) did not print {what}: {why}; it printed:\n{Log}");
    }

    /// <summary>Waits for the process to exit (and its output to be read); an error with the log after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        if (await Task.WhenAny(_exited, Task.Delay(timeout)) != _exited)
        {
            throw new TimeoutException($"{Name} (pid {Id}) did not exit within {timeout.TotalSeconds:F0} s; it printed:\n{Log}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends it SIGINT, as Ctrl-C in a terminal does.</summary>
    public void Interrupt()
    {
        if (kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"cannot send SIGINT to {Name} (pid {Id}): errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Asks it to stop (SIGTERM) and waits; kills it if it is still running after <paramref name="timeout"/>.</summary>
    public async Task Stop(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"cannot send SIGTERM to {Name} (pid {Id}): errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            await WaitForExit(timeout);
        }
        catch (TimeoutException)
        {
            Kill();
            throw;
        }
    }

    /// <summary>Kills it (SIGKILL) with its children and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _exited;
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private async Task Exited()
    {
        // WaitForExitAsync returns once the process has exited and both redirected outputs have been read to the end.
        await _process.WaitForExitAsync();
    }

    private void Received(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append(stream).Append(": ").AppendLine(line);
            _lines.Add((stream, line));
            foreach (var wait in _waits.Where(w => w.Stream == stream && w.Match(line)).ToArray())
            {
                _waits.Remove(wait);
                wait.Found.TrySetResult(line);
            }
        }
    }
}
