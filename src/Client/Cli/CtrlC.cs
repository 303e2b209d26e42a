using System.Runtime.InteropServices;

namespace NetOrleans.Client.Cli;

/// <summary>
/// Ctrl-C (SIGINT) for the console. While a command listens (train, watching its job), the first Ctrl-C asks it to
/// stop where it can (<see cref="FirstPress"/>) and the second ends the process at once; when no command listens,
/// the first already does. Either way the exit code is <see cref="ExitCode"/>.
/// </summary>
public sealed class CtrlC : IDisposable
{
    /// <summary>The exit code of a command stopped by Ctrl-C, as shells report a process ended by SIGINT (128 + 2).</summary>
    public const int ExitCode = 130;

    private readonly CancellationTokenSource _first = new();
    private PosixSignalRegistration? _registration;
    private int _listeners;

    /// <summary>A Ctrl-C that is never pressed: for commands run inside another program (the tests).</summary>
    public static CtrlC NeverPressed() => new();

    /// <summary>Cancelled by the first Ctrl-C that a listening command caught.</summary>
    public CancellationToken FirstPress => _first.Token;

    /// <summary>This process's Ctrl-C.</summary>
    public static CtrlC OfThisProcess()
    {
        var ctrlC = new CtrlC();
        ctrlC._registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = ctrlC.Press() == CtrlCAction.StopGently);
        return ctrlC;
    }

    /// <summary>Until the returned scope is disposed, the first Ctrl-C stops gently instead of ending the process.</summary>
    public IDisposable Listen()
    {
        Interlocked.Increment(ref _listeners);
        return new Scope(() => Interlocked.Decrement(ref _listeners));
    }

    /// <summary>What a Ctrl-C does now: the first one while a command listens stops gently, any other ends the process.</summary>
    public CtrlCAction Press()
    {
        if (Volatile.Read(ref _listeners) > 0 && !_first.IsCancellationRequested)
        {
            _first.Cancel();
            return CtrlCAction.StopGently;
        }

        return CtrlCAction.ExitNow;
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _first.Dispose();
    }

    private sealed class Scope(Action end) : IDisposable
    {
        private Action? _end = end;

        public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
