namespace NetOrleans.Cli.Tests;

/// <summary>Model files for the tests: the README's 2-2-1 example and broken variants of it.</summary>
public static class ModelJson
{
    /// <summary>A valid 2-2-1 sigmoid model.</summary>
    public static string Valid => Build(hidden0: "[0.5, -0.3]", hiddenActivation: "sigmoid");

    /// <summary>Hidden neuron 0 has three weights though the network takes two inputs.</summary>
    public static string WrongWeightCount => Build(hidden0: "[0.5, -0.3, 0.2]", hiddenActivation: "sigmoid");

    /// <summary>The hidden layer's activation is "swish", which there is none of.</summary>
    public static string UnknownActivation => Build(hidden0: "[0.5, -0.3]", hiddenActivation: "swish");

    private static string Build(string hidden0, string hiddenActivation) => $$"""
        { "format": "netorleans.model/1", "inputs": 2, "loss": "mse",
          "inputShift": [135, 66], "inputScale": [1, 1],
          "layers": [
            { "activation": "{{hiddenActivation}}", "neurons": [ { "weights": {{hidden0}}, "bias": 0.05 },
                                                    { "weights": [0.8, 0.1], "bias": -0.05 } ] },
            { "activation": "sigmoid", "neurons": [ { "weights": [-0.6, 0.9], "bias": 0.1 } ] } ] }
        """;
}
