using NetOrleans.Core.Models;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>Seeded initial parameters: reproducible, seed-dependent, He-scaled for relu and Xavier-scaled otherwise.</summary>
public sealed class InitializationTests
{
    [Fact]
    public void Same_seed_gives_identical_weights()
    {
        var spec = NetworkSpec.Create([4, 8, 3], "tanh", "softmax", "cross-entropy");

        var a = Initialization.Create(spec, 123);
        var b = Initialization.Create(spec, 123);

        Assert.Equal(Flatten(a), Flatten(b));
    }

    [Fact]
    public void Different_seeds_give_different_weights()
    {
        var spec = NetworkSpec.Create([4, 8, 3], "tanh", "softmax", "cross-entropy");

        var a = Flatten(Initialization.Create(spec, 1));
        var b = Flatten(Initialization.Create(spec, 2));

        Assert.Equal(a.Length, b.Length);
        var weights = WeightsOnly(Initialization.Create(spec, 1)).Count();
        Assert.Equal(weights, a.Zip(b).Count(p => p.First != p.Second));
    }

    [Fact]
    public void Biases_start_at_zero_and_shapes_follow_the_spec()
    {
        var spec = NetworkSpec.Create([4, 8, 3], "relu", "softmax", "cross-entropy");

        var model = Initialization.Create(spec, 9);

        model.Validate();
        Assert.Equal([8, 3], model.Theta.Select(l => l.Length));
        Assert.All(model.Theta[0], t => Assert.Equal(5, t.Length));
        Assert.All(model.Theta[1], t => Assert.Equal(9, t.Length));
        Assert.All(model.Theta.SelectMany(l => l), t => Assert.Equal(0.0, t[^1]));
    }

    [Fact]
    public void Each_neuron_has_its_own_stream()
    {
        // Neuron j of a relu layer draws the same weights however wide its layer is.
        var narrow = Initialization.Create(NetworkSpec.Create([6, 2, 1], "relu", "linear"), 5);
        var wide = Initialization.Create(NetworkSpec.Create([6, 50, 1], "relu", "linear"), 5);

        Assert.Equal(narrow.Theta[0][0], wide.Theta[0][0]);
        Assert.Equal(narrow.Theta[0][1], wide.Theta[0][1]);
        Assert.NotEqual(wide.Theta[0][0], wide.Theta[0][1]);
    }

    [Fact]
    public void Relu_layers_use_he_scale()
    {
        // 400 inputs -> 300 relu neurons: 120,000 draws of N(0, 2 / 400).
        var model = Initialization.Create(NetworkSpec.Create([400, 300, 10], "relu", "softmax", "cross-entropy"), 77);

        var (mean, std) = MeanAndStd(model.Theta[0].SelectMany(t => t[..^1]));

        var he = Math.Sqrt(2.0 / 400);
        Assert.InRange(std, 0.9 * he, 1.1 * he);
        Assert.InRange(mean, -0.05 * he, 0.05 * he);
    }

    [Fact]
    public void Other_layers_use_xavier_scale()
    {
        // 400 inputs -> 300 tanh neurons: N(0, 2 / (400 + 300)); then 300 -> 10 softmax: N(0, 2 / 310).
        var model = Initialization.Create(NetworkSpec.Create([400, 300, 10], "tanh", "softmax", "cross-entropy"), 77);

        var (_, hidden) = MeanAndStd(model.Theta[0].SelectMany(t => t[..^1]));
        var (_, output) = MeanAndStd(model.Theta[1].SelectMany(t => t[..^1]));

        Assert.InRange(hidden, 0.9 * Math.Sqrt(2.0 / 700), 1.1 * Math.Sqrt(2.0 / 700));
        Assert.InRange(output, 0.9 * Math.Sqrt(2.0 / 310), 1.1 * Math.Sqrt(2.0 / 310));
    }

    [Theory]
    [InlineData("ReLU")]
    [InlineData(" relu ")]
    [InlineData("RELU")]
    public void Relu_is_recognised_whatever_its_spelling(string name)
    {
        // NetworkSpec.Validate and every other lookup accept any case and surrounding spaces; initialization must agree.
        var spelled = Initialization.Create(NetworkSpec.Create([400, 30, 1], name, "linear"), 3);
        var canonical = Initialization.Create(NetworkSpec.Create([400, 30, 1], "relu", "linear"), 3);

        Assert.Equal(Flatten(canonical), Flatten(spelled));
    }

    private static double[] Flatten(NetworkModel model) => model.Theta.SelectMany(l => l).SelectMany(t => t).ToArray();

    private static IEnumerable<double> WeightsOnly(NetworkModel model) => model.Theta.SelectMany(l => l).SelectMany(t => t[..^1]);

    private static (double Mean, double Std) MeanAndStd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length));
    }
}
