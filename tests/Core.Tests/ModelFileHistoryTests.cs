using NetOrleans.Core.Models;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>A model file's training history: an exact round trip, optional, and checked entry by entry.</summary>
public sealed class ModelFileHistoryTests : IDisposable
{
    private const string Layers = """
        "inputs": 1, "layers": [ { "activation": "linear", "neurons": [ { "weights": [1], "bias": 0 } ] } ]
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("netorleans-history-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_then_read_gives_the_history_bit_for_bit()
    {
        var model = Initialization.Create(NetworkSpec.Create([2, 3, 2], "tanh", "softmax", "cross-entropy"), 5);
        EpochRecord[] history =
        [
            new(1, 0.1, 1.0 / 3, 2.2250738585072014e-308, 0),
            new(2, 1.7976931348623157e308, null, null, null),
            new(3, double.Epsilon, 1, 0.6931471805599453, 2.0 / 3),
            new(4, -0.0, 0.5, null, 0.25),
        ];
        var path = Path.Combine(_directory, "history.json");

        ModelFile.Write(path, model, history);
        var read = ModelFile.Read(path);

        Assert.Equal(history.Length, read.History.Length);
        for (var i = 0; i < history.Length; i++)
        {
            Assert.Equal(history[i].Epoch, read.History[i].Epoch);
            AssertBits(history[i].TrainLoss, read.History[i].TrainLoss);
            AssertBits(history[i].TrainAccuracy, read.History[i].TrainAccuracy);
            AssertBits(history[i].TestLoss, read.History[i].TestLoss);
            AssertBits(history[i].TestAccuracy, read.History[i].TestAccuracy);
        }

        Assert.Equal(File.ReadAllText(path), ModelFile.ToJson(read.Model, read.History));
        Assert.DoesNotContain("null", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_without_history_reads_with_an_empty_one_and_writes_none()
    {
        var path = WriteFile("old.json", $$"""{ "format": "netorleans.model/1", {{Layers}} }""");

        var read = ModelFile.Read(path);

        Assert.Empty(read.History);
        Assert.DoesNotContain("history", ModelFile.ToJson(read.Model, read.History));
    }

    [Theory]
    [InlineData("""[ { "epoch": 1, "trainLoss": 0.5 }, { "epoch": 3, "trainLoss": 0.4 } ]""", "history entry 2: epoch 3, expected 2")]
    [InlineData("""[ { "epoch": 0, "trainLoss": 0.5 } ]""", "history entry 1: epoch 0, expected 1")]
    [InlineData("""[ { "epoch": 1, "trainLoss": 0.5, "trainAccuracy": 1.5 } ]""", "history entry 1: trainAccuracy 1.5 is not in [0, 1]")]
    [InlineData("""[ { "epoch": 1, "trainLoss": 0.5, "testAccuracy": -0.1 } ]""", "history entry 1: testAccuracy -0.1 is not in [0, 1]")]
    [InlineData("""[ { "epoch": 1, "trainLoss": 1e400 } ]""", "history entry 1: trainLoss Infinity is not finite")]
    [InlineData("""[ { "epoch": 1, "trainLoss": "NaN" } ]""", "not a valid model file")]
    [InlineData("""[ { "epoch": 1 } ]""", "history entry 1 has no trainLoss")]
    [InlineData("""[ { "trainLoss": 0.5 } ]""", "history entry 1 has no epoch")]
    [InlineData("""[ { "epoch": 1, "trainLoss": 0.5 }, null ]""", "history entry 2 is null")]
    public void A_bad_history_entry_is_a_one_line_error_naming_the_file_and_the_entry(string history, string expected)
    {
        var path = WriteFile("bad-history.json", $$"""{ {{Layers}}, "history": {{history}} }""");

        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));

        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_history_that_is_not_finite_is_refused_by_the_check_the_grains_share()
    {
        var e = Assert.Throws<ArgumentException>(() => EpochHistory.Validate([new(1, 0.5, null, double.PositiveInfinity, null)]));

        Assert.StartsWith("history entry 1: testLoss ", e.Message);
        Assert.EndsWith(" is not finite", e.Message);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertBits(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a), $"wrote {e:R}, read {a:R}");
        }
    }
}
