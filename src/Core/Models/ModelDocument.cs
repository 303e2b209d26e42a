namespace NetOrleans.Core.Models;

/// <summary>The model file as JSON sees it (format netorleans.model/1; <see cref="History"/> is optional).</summary>
public sealed class ModelDocument
{
    public const string CurrentFormat = "netorleans.model/1";

    public string? Format { get; set; }

    public int Inputs { get; set; }

    public string? Loss { get; set; }

    public double[]? InputShift { get; set; }

    public double[]? InputScale { get; set; }

    public string[]? Classes { get; set; }

    public List<LayerDocument>? Layers { get; set; }

    /// <summary>One entry per epoch trained, 1..n; absent in files from before it, and when the model is untrained.</summary>
    public List<EpochDocument>? History { get; set; }
}
