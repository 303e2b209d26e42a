using NetOrleans.Core.Models;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>Model files: an exact round trip, and errors that name the file and the problem.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("netorleans-model-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_then_read_gives_identical_doubles()
    {
        var spec = NetworkSpec.Create([3, 4, 1], "relu", "sigmoid") with
        {
            InputShift = [135.25, -66.0 / 7, 1e-300],
            InputScale = [0.1, 1.0 / 3, 1.7976931348623157e308],
            Classes = ["M", "F"],
        };
        var model = Initialization.Create(spec, 42);
        var random = SeededRandom.For(42, 7);
        foreach (var theta in model.Theta.SelectMany(layer => layer))
        {
            theta[^1] = random.NextGaussian();
        }

        // Awkward values: shortest round-trip formatting must keep every bit.
        model.Theta[0][0][0] = 0.1;
        model.Theta[0][0][1] = -1.0 / 3;
        model.Theta[0][0][2] = double.Epsilon;
        model.Theta[0][1][0] = -0.0;
        model.Theta[0][1][1] = 1.7976931348623157e308;
        model.Theta[0][1][2] = -2.2250738585072014e-308;
        var path = Path.Combine(_directory, "round-trip.json");

        ModelFile.Write(path, model, []);
        var read = ModelFile.Read(path).Model;

        Assert.Equal(spec.Inputs, read.Spec.Inputs);
        Assert.Equal(spec.Loss, read.Spec.Loss);
        Assert.Equal(spec.Layers, read.Spec.Layers);
        Assert.Equal(spec.Classes, read.Spec.Classes);
        AssertBits(spec.InputShift, read.Spec.InputShift);
        AssertBits(spec.InputScale, read.Spec.InputScale);
        Assert.Equal(model.Theta.Length, read.Theta.Length);
        for (var l = 0; l < model.Theta.Length; l++)
        {
            Assert.Equal(model.Theta[l].Length, read.Theta[l].Length);
            for (var j = 0; j < model.Theta[l].Length; j++)
            {
                AssertBits(model.Theta[l][j], read.Theta[l][j]);
            }
        }

        // And writing what was read gives the same file.
        Assert.Equal(File.ReadAllText(path), ModelFile.ToJson(read, []));
    }

    [Fact]
    public void Weights_that_do_not_match_the_fan_in_are_an_error()
    {
        var path = WriteFile("fan-in.json", """
            {
              "format": "netorleans.model/1",
              "inputs": 2,
              "loss": "mse",
              "layers": [
                { "activation": "sigmoid", "neurons": [ { "weights": [1, 1], "bias": 0 }, { "weights": [1, 1], "bias": 0 } ] },
                { "activation": "sigmoid", "neurons": [ { "weights": [1, 2, 3], "bias": 0 } ] }
              ]
            }
            """);

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("layer 2 neuron 0 has 3 weights, expected 2", e.Message);
    }

    [Fact]
    public void Unknown_activation_is_an_error()
    {
        var path = WriteFile("activation.json", """
            { "inputs": 2, "layers": [ { "activation": "swish", "neurons": [ { "weights": [1, 1], "bias": 0 } ] } ] }
            """);

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("layer 1: unknown activation 'swish'", e.Message);
        Assert.Contains("sigmoid, tanh, relu, linear, softmax", e.Message);
    }

    [Fact]
    public void Truncated_json_is_an_error()
    {
        var json = ModelFile.ToJson(Initialization.Create(NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid"), 1), []);
        var path = WriteFile("truncated.json", json[..(json.Length / 2)]);

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Matches(@"not a valid model file at line \d+: ", e.Message);
    }

    [Theory]
    [InlineData("""{ "inputs": 2, "loss": "mse", "layers": [] }""")]
    [InlineData("""{ "inputs": 2, "loss": "mse" }""")]
    public void No_layers_is_an_error(string json)
    {
        var path = WriteFile("no-layers.json", json);

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.Equal($"{path}: no layers", e.Message);
    }

    [Fact]
    public void Unsupported_format_is_an_error()
    {
        var path = WriteFile("format.json", """
            { "format": "netorleans.model/9", "inputs": 1, "layers": [ { "activation": "linear", "neurons": [ { "weights": [1], "bias": 0 } ] } ] }
            """);

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("unsupported format 'netorleans.model/9'", e.Message);
    }

    [Fact]
    public void Missing_file_is_an_error()
    {
        var path = Path.Combine(_directory, "absent.json");

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.StartsWith($"{path}: cannot read the model file", e.Message);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertBits(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"[{i}]: wrote {expected[i]:R}, read {actual[i]:R}");
        }
    }
}
