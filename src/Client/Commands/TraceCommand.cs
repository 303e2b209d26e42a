using System.Globalization;
using System.Text.Json;
using NetOrleans.Client.Cli;
using NetOrleans.Grains.Telemetry;
using NetOrleans.Hosting.Telemetry;
using Spectre.Console;

namespace NetOrleans.Client.Commands;

/// <summary>
/// `netorleans trace SPANS.jsonl [--neuron L1/N0] [--network ID]`: the spans a run wrote with <c>--trace file:PATH</c>
/// as a table: one row per neuron (calls, mean time per pass, last gradient and weight norms), or with --neuron one
/// row per span of that neuron, with the epoch it belongs to.
/// </summary>
public static class TraceCommand
{
    public static Task<int> Run(Arguments args, CommandContext context)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"trace: expected one file of spans (written by --trace file:PATH), got {args.Positional.Count}");
        }

        var spans = Read(args.Positional[0]);
        var network = args.Get("--network");
        var neurons = spans.Where(s => s.Name is SpanNames.NeuronForward or SpanNames.NeuronBackward && (network is null || s.Tags.GetValueOrDefault(TagNames.NetworkId) == network)).ToList();
        if (neurons.Count == 0)
        {
            throw new UsageException($"trace: {args.Positional[0]} has no neuron spans{(network is null ? "" : $" of network '{network}'")}");
        }

        var table = args.Get("--neuron") is { } neuron ? OneNeuron(neuron, neurons, spans) : EveryNeuron(neurons);
        OutConsole.Of(context).Write(table);
        return Task.FromResult(0);
    }

    /// <summary>"L1/N0": layer counted from 1, neuron from 0, as the spans' display names say it.</summary>
    private static string Label(SpanRecord span) => $"L{span.Tags.GetValueOrDefault(TagNames.Layer)}/N{span.Tags.GetValueOrDefault(TagNames.Neuron)}";

    private static Table EveryNeuron(List<SpanRecord> neurons)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("neuron", "network", "forward calls", "forward ms (mean)", "backward calls", "backward ms (mean)", "gradient norm (last)", "weight norm (last)");
        foreach (var group in neurons.GroupBy(s => (Network: s.Tags.GetValueOrDefault(TagNames.NetworkId) ?? "", Neuron: Label(s)))
                     .OrderBy(g => g.Key.Network, StringComparer.Ordinal).ThenBy(g => g.First().Number(TagNames.Layer)).ThenBy(g => g.First().Number(TagNames.Neuron)))
        {
            var forward = group.Where(s => s.Name == SpanNames.NeuronForward).ToList();
            var backward = group.Where(s => s.Name == SpanNames.NeuronBackward).OrderBy(s => s.Start).ToList();
            table.AddRow(group.Key.Neuron, group.Key.Network, Count(forward), Mean(forward), Count(backward), Mean(backward),
                Number(backward.LastOrDefault()?.Number(TagNames.GradientNorm)), Number(backward.LastOrDefault()?.Number(TagNames.WeightNorm)));
        }

        return table;
    }

    private static Table OneNeuron(string neuron, List<SpanRecord> neurons, List<SpanRecord> spans)
    {
        var mine = neurons.Where(s => Label(s) == neuron).OrderBy(s => s.Start).ToList();
        if (mine.Count == 0)
        {
            var known = neurons.Select(Label).Distinct().Order(StringComparer.Ordinal);
            throw new UsageException($"trace: --neuron {neuron}: no spans of that neuron (the file has {string.Join(" ", known)})");
        }

        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("time", "epoch", "pass", "batch size", "ms", "gradient norm", "weight norm");
        foreach (var span in mine)
        {
            table.AddRow(span.Start.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), Epoch(span, byId),
                span.Name == SpanNames.NeuronForward ? "forward" : "backward", span.Tags.GetValueOrDefault(TagNames.BatchSize) ?? "",
                span.DurationMs.ToString("F3", CultureInfo.InvariantCulture), Number(span.Number(TagNames.GradientNorm)), Number(span.Number(TagNames.WeightNorm)));
        }

        return table;
    }

    /// <summary>The epoch of the training.epoch span above a neuron span, when the file has it.</summary>
    private static string Epoch(SpanRecord span, Dictionary<string, SpanRecord> byId)
    {
        for (var parent = span.ParentId; parent is not null && byId.TryGetValue(parent, out var above); parent = above.ParentId)
        {
            if (above.Name == SpanNames.TrainingEpoch)
            {
                return above.Tags.GetValueOrDefault(TagNames.Epoch) ?? "";
            }
        }

        return "";
    }

    private static List<SpanRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"trace: {path} not found (write it with --trace file:{path})");
        }

        var spans = new List<SpanRecord>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                spans.Add(JsonSerializer.Deserialize<SpanRecord>(line, SpanFileExporter.Json) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new UsageException($"trace: {path}:{number}: not a span written by --trace file: ({e.Message.Split('.')[0]})");
            }
        }

        return spans;
    }

    private static string Count(List<SpanRecord> spans) => spans.Count.ToString(CultureInfo.InvariantCulture);

    private static string Mean(List<SpanRecord> spans) => spans.Count == 0 ? "" : spans.Average(s => s.DurationMs).ToString("F3", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "";
}
