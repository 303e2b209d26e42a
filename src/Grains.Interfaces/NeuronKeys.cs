namespace NetOrleans.Grains.Interfaces;

/// <summary>Neuron grain keys: "{network}/{layer}/{index}", layers 1-based (layer 0 is the input), index 0-based.</summary>
public static class NeuronKeys
{
    /// <summary>The key of neuron <paramref name="index"/> of layer <paramref name="layer"/> of a network.</summary>
    public static string Of(string network, int layer, int index) => $"{network}/{layer}/{index}";

    /// <summary>Splits a key into its network id, layer and index; the network id may itself contain '/'.</summary>
    public static (string Network, int Layer, int Index) Parse(string key)
    {
        var last = key.LastIndexOf('/');
        var middle = last > 0 ? key.LastIndexOf('/', last - 1) : -1;
        if (middle < 1 || !int.TryParse(key.AsSpan(middle + 1, last - middle - 1), out var layer) || !int.TryParse(key.AsSpan(last + 1), out var index))
        {
            throw new ArgumentException($"'{key}' is not a neuron key of the form network/layer/index");
        }

        return (key[..middle], layer, index);
    }
}
