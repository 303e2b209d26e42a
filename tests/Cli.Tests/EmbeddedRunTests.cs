namespace NetOrleans.Cli.Tests;

/// <summary>
/// The README's main job on an embedded silo, in this process: the numbers it prints, the --verbose stopwatch log of
/// its stages, and predict taking its inputs either way.
/// </summary>
public sealed class EmbeddedRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_main_job_prints_the_tutorial_predictions_and_verbose_logs_its_stages_in_order()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--predict", "128,63", "--predict", "155,68", "--out", _temp.File("gender.json"), "--verbose");

        Expect.Success(result);
        Assert.Contains("predict 128,63: 0.9651718657385234", result.OutLines);
        Assert.Contains("predict 155,68: 0.038710797299482964", result.OutLines);
        string[] stages = ["runtime started, Main reached", "arguments read, data loaded", "embedded silo: started",
            "data uploaded", "network created", "job started", "epoch 1000 reported", "job finished", "results written", "embedded silo: stopped", "command finished"];
        var logged = result.ErrorLines.Where(l => l.StartsWith('[')).Select(l => l[(l.IndexOf(" ms  ", StringComparison.Ordinal) + 5)..]).ToList();
        var at = stages.Select(s => logged.IndexOf(s)).ToArray();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), $"expected the stages {string.Join(", ", stages)} in order: {result}");
        Assert.Contains(result.ErrorLines, l => l.StartsWith("embedded silo: no --gateway given", StringComparison.Ordinal));

        var commas = await InProcessCli.Run("predict", "--model", _temp.File("gender.json"), "128,63");
        var spaces = await InProcessCli.Run("predict", "--model", _temp.File("gender.json"), "128", "63");
        Assert.Equal("0.9651718657385234", Expect.OneNumber(commas));
        Assert.Equal("0.9651718657385234", Expect.OneNumber(spaces));
    }
}
