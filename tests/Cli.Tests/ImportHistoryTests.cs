using System.Text.Json.Nodes;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// A model file carries its network's training history: `train --out` writes it, `networks import` keeps it, so the
/// imported network counts those epochs and trains on after them, and `networks export` writes it back unchanged.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ImportHistoryTests(SiloFixture silo)
{
    [Fact]
    public async Task An_imported_network_keeps_the_files_history_and_numbers_its_next_epochs_after_it()
    {
        using var dir = new TempDirectory();
        var fileA = dir.File("history-a.json");
        Expect.Success(await InProcessCli.Run("train", "--data", "gender", "--epochs", "3", "--network", "history-a", "--out", fileA, "--gateway", silo.Gateway));
        Assert.Equal([1, 2, 3], Epochs(fileA));

        var import = await InProcessCli.Run("networks", "import", fileA, "--network", "history-b", "--gateway", silo.Gateway);
        Expect.Success(import);
        Assert.Equal($"network history-b imported from {fileA} with its history of 3 epochs", Assert.Single(import.OutLines));

        var show = await InProcessCli.Run("networks", "show", "history-b", "--gateway", silo.Gateway);
        Expect.Success(show);
        Assert.EndsWith(", 0 steps, 3 epochs", show.OutLines[0], StringComparison.Ordinal);
        var fileB = dir.File("history-b.json");
        Expect.Success(await InProcessCli.Run("networks", "export", "history-b", fileB, "--gateway", silo.Gateway));
        Assert.Equal(History(fileA).ToJsonString(), History(fileB).ToJsonString());

        var more = await InProcessCli.Run("train", "--data", "gender", "--epochs", "2", "--network", "history-b", "--out", fileB, "--gateway", silo.Gateway);
        Expect.Success(more);
        Assert.Contains(more.OutLines, l => l.StartsWith("4 #", StringComparison.Ordinal));
        Assert.Contains(more.OutLines, l => l.StartsWith("5 #", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3, 4, 5], Epochs(fileB));
        Assert.Equal(History(fileA).ToJsonString(), new JsonArray([.. History(fileB).Take(3).Select(e => e!.DeepClone())]).ToJsonString());

        var after = await InProcessCli.Run("networks", "show", "history-b", "--gateway", silo.Gateway);
        Expect.Success(after);
        Assert.EndsWith(", 8 steps, 5 epochs", after.OutLines[0], StringComparison.Ordinal);
    }

    private static JsonArray History(string path) => JsonNode.Parse(File.ReadAllText(path))!["history"]!.AsArray();

    private static int[] Epochs(string path) => [.. History(path).Select(e => e!["epoch"]!.GetValue<int>())];
}
