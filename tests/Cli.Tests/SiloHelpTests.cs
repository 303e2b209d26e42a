using NetOrleans.Hosting;

namespace NetOrleans.Cli.Tests;

/// <summary>`netorleans-silo --help` names every setting the silo reads, with its default.</summary>
public sealed class SiloHelpTests
{
    public static TheoryData<string> Settings => [.. SiloArguments.Names, "placement"];

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_silo_help_lists_every_setting_with_its_default(string setting)
    {
        var line = Assert.Single(SiloHelp.Text().Split('\n'), l => l.TrimStart().StartsWith($"--{setting} <", StringComparison.Ordinal));

        Assert.Matches(@"\[default: [^\]]+\]$", line);
    }
}
