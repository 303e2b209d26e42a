using System.Globalization;
using System.Text.RegularExpressions;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Commands;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Telemetry.Tests;

/// <summary>`netorleans explain`, run in-process: the tutorial's worked example neuron by neuron, read from the neurons' spans.</summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class ExplainTests(TelemetryFixture fixture)
{
    [GeneratedRegex(@"(\S+) = (-?[0-9.]+(?:E-?[0-9]+)?)")]
    private static partial Regex Value();

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Cli.Run(args, new CommandContext(output, new StringWriter(), Interactive: false), error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every "name = number" in the lines of <paramref name="text"/> under the line that contains <paramref name="node"/>, up to the next neuron.</summary>
    private static Dictionary<string, double> Values(string text, string node)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains(node, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no line with '{node}' in:\n{text}");
        var values = new Dictionary<string, double>();
        foreach (var line in lines.Skip(start).TakeWhile((l, i) => i == 0 || !l.Contains("(layer ", StringComparison.Ordinal)))
        {
            foreach (Match m in Value().Matches(line))
            {
                values[m.Groups[1].Value] = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }

        return values;
    }

    private static string WriteModel(NetworkModel model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netorleans-explain-{Guid.NewGuid():N}.json");
        ModelFile.Write(path, model, []);
        return path;
    }

    [Fact]
    public async Task Explain_shows_the_tutorials_worked_example_o1_about_0_524_and_dL_dw1_about_0_0214()
    {
        var path = WriteModel(Models.AllOnes());
        try
        {
            var (code, output, error) = await Run("explain", "--model", path, "133", "65", "--target", "1");

            Assert.True(code == 0, $"explain failed: {error}");
            var h1 = Values(output, "h1 (layer 1, neuron 0)");
            Assert.Equal(-3, h1["z"]);
            Assert.Equal(0.0474, h1["a"], 1e-4);
            Assert.Equal(0.0214, h1["dL/dw1"], 1e-4);
            Assert.Equal(h1["dL/dw1"] / 2, h1["dL/dw2"], 1e-6);
            var o1 = Values(output, "o1 (layer 2, neuron 0)");
            Assert.Equal(0.524, o1["a"], 1e-3);
            Assert.Equal(0.524, Values(output, "output o1")["o1"], 1e-3);
            Assert.Contains("h2 (layer 1, neuron 1)", output);
            Assert.Contains("dL/db3 = ", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Explain_without_a_target_shows_the_forward_pass_only()
    {
        var path = WriteModel(Models.AllOnes());
        try
        {
            var (code, output, error) = await Run("explain", "--model", path, "133", "65");

            Assert.True(code == 0, $"explain failed: {error}");
            Assert.Equal(0.524, Values(output, "o1 (layer 2, neuron 0)")["a"], 1e-3);
            Assert.DoesNotContain("delta", output);
            Assert.Contains("no target: forward pass only", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Explain_of_a_network_in_a_cluster_leaves_its_weights_as_they_were()
    {
        var network = await Tracing.Create(fixture.Grains, "explained", Models.AllOnes());
        var before = (await network.Export()).Theta;
        var gateway = fixture.Cluster.Primary!.GatewayAddress!.Endpoint;

        var (code, output, error) = await Run("explain", "--network", "explained", "--gateway", $"{gateway.Address}:{gateway.Port}", "133", "65", "--target", "1");

        Assert.True(code == 0, $"explain failed: {error}");
        Assert.Equal(0.0214, Values(output, "h1 (layer 1, neuron 0)")["dL/dw1"], 1e-4);
        Assert.Equal(before, (await network.Export()).Theta);
        Assert.Equal(0, (await network.Describe()).Steps);
    }

    [Fact]
    public async Task Explain_says_what_is_wrong_with_its_arguments()
    {
        var path = WriteModel(Models.AllOnes());
        try
        {
            Assert.Equal((1, "", "netorleans: explain: give either --model FILE or --network ID\n"), Normalise(await Run("explain", "133", "65")));
            Assert.Equal((1, "", "netorleans: explain: the network takes 2 inputs, got 3\n"), Normalise(await Run("explain", "--model", path, "1", "2", "3")));
            Assert.Equal((1, "", "netorleans: explain: --target '1,0' has 2 values but the network has 1 outputs\n"), Normalise(await Run("explain", "--model", path, "1", "2", "--target", "1,0")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int, string, string) Normalise((int Code, string Out, string Error) r) => (r.Code, r.Out, r.Error.ReplaceLineEndings("\n"));
}
