namespace NetOrleans.Cli.Tests;

/// <summary>The examples docs/ shows run with the files the repository ships, and print what docs/ says they print.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public async Task The_telemetry_doc_explain_example_runs_with_the_shipped_model_and_prints_what_the_doc_shows()
    {
        const string Command = "$ netorleans explain --model docs/examples/allones.json 133 65 --target 1";
        var doc = File.ReadAllLines(Path.Combine(RepoLayout.Root, "docs", "telemetry.md"));
        var shown = doc.SkipWhile(l => l != Command).Skip(1).TakeWhile(l => l != "```").Where(l => !l.TrimStart('│', ' ').StartsWith("...", StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count > 10, "docs/telemetry.md no longer shows the explain example");

        var result = await InProcessCli.Run("explain", "--model", Path.Combine(RepoLayout.Root, "docs", "examples", "allones.json"), "133", "65", "--target", "1");

        Expect.Success(result);
        Assert.All(shown, line => Assert.Contains(line, result.OutLines));
    }
}
