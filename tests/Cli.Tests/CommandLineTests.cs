using NetOrleans.Client.Cli;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// The command line as System.CommandLine parses it: help generated per command from the catalog, a misspelt option or
/// command answered with what was meant, response files, and the one-line errors of the hand-written parser kept.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Commands => [.. CommandCatalog.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_help_lists_every_option_with_its_default(string command)
    {
        var help = await InProcessCli.Run(command, "--help");

        Expect.Success(help);
        Assert.StartsWith($"usage: netorleans {command}", help.Out, StringComparison.Ordinal);
        foreach (var option in CommandCatalog.All.Single(c => c.Name == command).Options)
        {
            var line = Assert.Single(help.OutLines, l => l.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.Contains(option.Description, line, StringComparison.Ordinal);
            if (option.Default is not null)
            {
                Assert.Contains($"[default: {option.Default}]", line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_console_help_lists_every_command_and_help_COMMAND_is_that_command_help()
    {
        var help = await InProcessCli.Run("--help");

        Expect.Success(help);
        Assert.StartsWith("usage: netorleans <command> [options]", help.Out, StringComparison.Ordinal);
        foreach (var command in CommandCatalog.All)
        {
            Assert.Contains(help.OutLines, l => l.TrimStart().StartsWith(command.Name + " ", StringComparison.Ordinal));
        }

        Assert.Equal((await InProcessCli.Run("train", "--help")).Out, (await InProcessCli.Run("help", "train")).Out);
    }

    [Theory]
    [InlineData("train --data gender --epoch 5", "train: unknown option '--epoch' (did you mean --epochs?)")]
    [InlineData("train --data gender --bach-size 4", "train: unknown option '--bach-size' (did you mean --batch-size?)")]
    [InlineData("evaluate --data iris --splt test", "evaluate: unknown option '--splt' (did you mean --split?)")]
    [InlineData("trian --data gender", "unknown command 'trian' (did you mean train?)")]
    [InlineData("train --data gender --epochs", "train: option --epochs needs a value")]
    [InlineData("train --data gender --epochs 5 --epochs 6", "train: option --epochs given 2 times")]
    [InlineData("train --data gender extra", "train: unexpected argument 'extra'")]
    [InlineData("train @/no/such/args.rsp", "response file '/no/such/args.rsp' not found")]
    [InlineData("train --data gender --trace file:/no/such/folder/spans.jsonl", "trace: file:/no/such/folder/spans.jsonl needs the path of a file in a folder that exists")]
    [InlineData("train --data gender --trace consol", "trace: 'consol' is not console, console-full, file:PATH, orleans or none")]
    [InlineData("trace /no/such/spans.jsonl", "trace: /no/such/spans.jsonl not found (write it with --trace file:/no/such/spans.jsonl)")]
    public async Task A_command_line_that_cannot_be_run_gets_one_line_that_says_what_was_meant(string line, string error)
    {
        Expect.OneError(await InProcessCli.Run(line.Split(' ')), error);
    }

    [Fact]
    public async Task A_misspelt_option_far_from_any_gets_no_guess()
    {
        var line = Expect.OneError(await InProcessCli.Run("predict", "--model", "m.json", "--zzzzzzzz", "1", "2"), "predict: unknown option '--zzzzzzzz'");

        Assert.DoesNotContain("did you mean", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_file_gives_the_arguments_it_holds()
    {
        var file = _temp.Write("train.rsp", "--data gender\n--epochs 3\n--predict 128 63\n");

        var result = await InProcessCli.Run("train", "@" + file);

        Expect.Success(result);
        Assert.Contains("epoch 3/3", result.Out, StringComparison.Ordinal);
        Assert.Single(result.OutLines, l => l.StartsWith("predict 128,63: 0.", StringComparison.Ordinal));
    }
}
