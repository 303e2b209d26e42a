using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetOrleans.Telemetry.Tests;

/// <summary>
/// `netorleans train --trace ...`, run as the real program: one compact line per span on standard error (the epoch
/// lines on standard output stay as they are), the full console exporter on request, and a file of spans that
/// `netorleans trace` shows per neuron.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ConsoleTraceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("netorleans-trace-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Trace_console_writes_one_line_per_span_to_standard_error_named_by_neuron()
    {
        var (output, error) = await Netorleans("train", "--data", "gender", "--epochs", "3", "--trace", "console");
        int Spans(string name) => Regex.Matches(error, $@"^\d\d:\d\d:\d\d\.\d{{3}} +\d+\.\d{{3}} ms  {name}( |$)", RegexOptions.Multiline).Count;

        // 3 epochs, the first batch of each traced: 3 batches of the 3 neurons of the 2-2-1 network.
        Assert.Equal(9, Spans(@"neuron\.forward L[12]/N[01]"));
        Assert.Equal(9, Spans(@"neuron\.backward L[12]/N[01]"));
        Assert.Equal(3, Spans(@"neuron\.forward L2/N0"));
        Assert.Equal(3, Spans(@"network\.train_batch"));
        Assert.Equal(3, Spans(@"training\.epoch"));
        Assert.Equal(1, Spans(@"training\.job"));
        Assert.Equal(1, Spans(@"netorleans\.train"));
        Assert.Matches(@"neuron\.backward L1/N0 .*gradient\.norm=\d.* weight\.norm=\d", error);
        Assert.DoesNotContain("ms  ", output, StringComparison.Ordinal);
        Assert.Contains("epoch 3/3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_console_full_prints_the_exporter_dump_with_the_service_name()
    {
        var (output, _) = await Netorleans("train", "--data", "gender", "--epochs", "2", "--trace", "console-full");

        Assert.Equal(6, Regex.Matches(output, @"Activity\.DisplayName:\s+neuron\.forward L\d/N\d\r?\n").Count);
        Assert.Contains("netorleans.gradient.norm:", output, StringComparison.Ordinal);
        Assert.Contains("service.name: netorleans", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_spans_is_shown_by_netorleans_trace_per_neuron_and_for_one_neuron()
    {
        var file = Path.Combine(_folder, "spans.jsonl");
        await Netorleans("train", "--data", "gender", "--epochs", "4", "--network", "traced", "--trace", $"file:{file}");

        var (summary, _) = await Netorleans("trace", file);
        var rows = summary.Split('\n').Where(l => Regex.IsMatch(l, @"^\s+L\d/N\d\s")).ToList();
        Assert.Equal(["L1/N0", "L1/N1", "L2/N0"], rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
        Assert.All(rows, r => Assert.Matches(@"^\s+L\d/N\d\s+traced\s+4\s+\d+\.\d{3}\s+4\s+\d+\.\d{3}\s+\d", r));

        var (one, _) = await Netorleans("trace", file, "--neuron", "L2/N0");
        var spans = one.Split('\n').Where(l => Regex.IsMatch(l, @"^\s+\d\d:\d\d")).ToList();
        Assert.Equal(8, spans.Count);
        Assert.Equal(["1", "1", "2", "2", "3", "3", "4", "4"], spans.Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Equal(4, spans.Count(s => s.Contains("backward", StringComparison.Ordinal)));
    }

    /// <summary>Runs netorleans.dll to its end (exit code 0 asserted); its standard output and standard error.</summary>
    private static async Task<(string Out, string Error)> Netorleans(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "netorleans.dll") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"netorleans {string.Join(' ', args)} did not exit within {Timeout}; standard error so far: {await error}");
        }

        Assert.True(process.ExitCode == 0, $"netorleans {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        return (await output, await error);
    }
}
