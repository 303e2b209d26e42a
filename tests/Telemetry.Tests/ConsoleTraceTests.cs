using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetOrleans.Telemetry.Tests;

/// <summary>`netorleans train --trace console`, run as the real program: the console exporter prints the neurons' spans.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ConsoleTraceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Train_gender_with_trace_console_prints_the_neuron_spans_of_the_first_batch_of_each_epoch()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "netorleans.dll"), "train", "--data", "gender", "--epochs", "3", "--trace", "console" })
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
            Assert.Fail($"netorleans train --trace console did not exit within {Timeout}; standard error so far: {await error}");
        }

        var text = await output;
        Assert.True(process.ExitCode == 0, $"netorleans exited with {process.ExitCode}: {await error}");
        int Spans(string name) => Regex.Matches(text, $@"Activity\.DisplayName:\s+{Regex.Escape(name)}\r?\n").Count;

        // 3 epochs, the first batch of each traced: 3 batches of the 3 neurons of the 2-2-1 network.
        Assert.Equal(9, Spans("neuron.forward"));
        Assert.Equal(9, Spans("neuron.backward"));
        Assert.Equal(3, Spans("network.train_batch"));
        Assert.Equal(3, Spans("training.epoch"));
        Assert.Equal(1, Spans("training.job"));
        Assert.Equal(1, Spans("netorleans.train"));
        Assert.Contains("netorleans.gradient.norm:", text);
        Assert.Contains("netorleans.weight.norm:", text);
        Assert.Contains("service.name: netorleans", text);
    }
}
