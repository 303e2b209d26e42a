using System.Diagnostics;
using NetOrleans.Bench.Cluster;

namespace NetOrleans.Bench.Harness;

/// <summary>What every scenario shares: the options, the table, and the in-process silo (started on first use).</summary>
public sealed class BenchContext(BenchOptions options) : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private InProcessSilo? _silo;

    public BenchOptions Options { get; } = options;

    public ResultTable Table { get; } = new();

    /// <summary>Medians that later rows compare against (per call, per step), by name.</summary>
    public Dictionary<string, RunSample> Measured { get; } = [];

    /// <summary>Progress on standard error, so that standard output is the table alone.</summary>
    public void Log(string message) => Console.Error.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    public void Add(Row row)
    {
        Table.Add(row);
        Log($"  => {row.Scenario}: grains {Format.Value(row.Grains, row.Unit)}" +
            (row.Reference is { } r ? $", reference {Format.Value(r, row.Unit)}, ratio {Format.Number(row.Ratio ?? 0)}x" : "") +
            (row.Note.Length > 0 ? $" ({row.Note})" : ""));
    }

    /// <summary>The single in-process silo of the one-silo scenarios.</summary>
    public async Task<InProcessSilo> Silo() => _silo ??= await InProcessSilo.Start();

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
