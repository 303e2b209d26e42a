using System.Text.Json;
using System.Text.Json.Serialization;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;

namespace NetOrleans.Core.Models;

/// <summary>Reads and writes model files (JSON, format netorleans.model/1).</summary>
public static class ModelFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads and validates a model file: the model and its training history.</summary>
    public static SavedModel Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"{path}: cannot read the model file ({e.Message})");
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates model JSON; <paramref name="source"/> names it in errors.</summary>
    public static SavedModel Parse(string json, string source)
    {
        ModelDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<ModelDocument>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new ModelFormatException($"{source}: not a valid model file{where}: {FirstSentence(e.Message)}");
        }

        if (doc is null)
        {
            throw new ModelFormatException($"{source}: empty model file");
        }

        try
        {
            var model = ToModel(doc);
            model.Validate();
            var history = ToHistory(doc.History);
            EpochHistory.Validate(history);
            return new SavedModel(model, history);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{source}: {e.Message}");
        }
    }

    /// <summary>Writes a model file with the training history that brought the model there (none when empty).</summary>
    public static void Write(string path, NetworkModel model, IReadOnlyList<EpochRecord> history) =>
        File.WriteAllText(path, ToJson(model, history));

    /// <summary>The model and its training history as JSON text.</summary>
    public static string ToJson(NetworkModel model, IReadOnlyList<EpochRecord> history) =>
        JsonSerializer.Serialize(ToDocument(model, history), Options) + "\n";

    private static NetworkModel ToModel(ModelDocument doc)
    {
        if (doc.Format is not null && doc.Format != ModelDocument.CurrentFormat)
        {
            throw new ArgumentException($"unsupported format '{doc.Format}' (expected {ModelDocument.CurrentFormat})");
        }

        if (doc.Layers is null || doc.Layers.Count == 0)
        {
            throw new ArgumentException("no layers");
        }

        var inputs = doc.Inputs;
        var layers = new List<LayerSpec>();
        var theta = new double[doc.Layers.Count][][];
        for (var l = 0; l < doc.Layers.Count; l++)
        {
            var layer = doc.Layers[l] ?? throw new ArgumentException($"layer {l + 1} is null");
            var neurons = layer.Neurons ?? throw new ArgumentException($"layer {l + 1} has no neurons");
            layers.Add(LayerSpec.Parse(neurons.Count, layer.Activation, l + 1));
            theta[l] = new double[neurons.Count][];
            for (var j = 0; j < neurons.Count; j++)
            {
                var neuron = neurons[j] ?? throw new ArgumentException($"layer {l + 1} neuron {j} is null");
                var w = neuron.Weights ?? throw new ArgumentException($"layer {l + 1} neuron {j} has no weights");
                theta[l][j] = [.. w, neuron.Bias];
            }
        }

        var shift = doc.InputShift ?? new double[Math.Max(inputs, 0)];
        var scale = doc.InputScale ?? Enumerable.Repeat(1.0, Math.Max(inputs, 0)).ToArray();
        var loss = doc.Loss is null ? LossKind.Mse : Losses.Losses.Parse(doc.Loss);
        var spec = new NetworkSpec(inputs, layers, loss, shift, scale, doc.Classes);
        return new NetworkModel(spec, theta);
    }

    private static EpochRecord[] ToHistory(List<EpochDocument>? history) =>
        (history ?? []).Select((e, i) => e is null ? throw new ArgumentException($"history entry {i + 1} is null")
            : new EpochRecord(
                e.Epoch ?? throw new ArgumentException($"history entry {i + 1} has no epoch"),
                e.TrainLoss ?? throw new ArgumentException($"history entry {i + 1} has no trainLoss"),
                e.TrainAccuracy,
                e.TestLoss,
                e.TestAccuracy)).ToArray();

    private static ModelDocument ToDocument(NetworkModel model, IReadOnlyList<EpochRecord> history) => new()
    {
        Format = ModelDocument.CurrentFormat,
        Inputs = model.Spec.Inputs,
        Loss = model.Spec.Loss.Name(),
        InputShift = model.Spec.InputShift,
        InputScale = model.Spec.InputScale,
        Classes = model.Spec.Classes?.ToArray(),
        Layers = model.Spec.Layers.Select((layer, l) => new LayerDocument
        {
            Activation = layer.Activation.Name(),
            Neurons = model.Theta[l].Select(t => new NeuronDocument { Weights = t[..^1], Bias = t[^1] }).ToList(),
        }).ToList(),
        History = history.Count == 0 ? null : history.Select(e => new EpochDocument
        {
            Epoch = e.Epoch,
            TrainLoss = e.TrainLoss,
            TrainAccuracy = e.TrainAccuracy,
            TestLoss = e.TestLoss,
            TestAccuracy = e.TestAccuracy,
        }).ToList(),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
