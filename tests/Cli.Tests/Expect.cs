using System.Globalization;

namespace NetOrleans.Cli.Tests;

/// <summary>What the tests expect of a command's result.</summary>
public static class Expect
{
    /// <summary>
    /// Exit code 1 and exactly one line on standard error, "netorleans: ..." mentioning each of
    /// <paramref name="mentions"/>, and no stack trace anywhere; returns the line.
    /// </summary>
    public static string OneError(CommandResult result, params string[] mentions)
    {
        Assert.True(result.ExitCode == 1, $"expected exit code 1: {result}");
        Assert.True(result.ErrorLines.Length == 1, $"expected exactly one line on stderr: {result}");
        var line = result.ErrorLines[0];
        Assert.StartsWith("netorleans: ", line, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, line, StringComparison.Ordinal);
        }

        Assert.False(result.Out.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("   at ", StringComparison.Ordinal),
            $"a stack trace in the output: {result}");
        return line;
    }

    /// <summary>Exit code 0.</summary>
    public static void Success(CommandResult result) =>
        Assert.True(result.ExitCode == 0, $"expected exit code 0: {result}");

    /// <summary>Exit code 0 and exactly one line on standard output, a number; returns the line.</summary>
    public static string OneNumber(CommandResult result)
    {
        Success(result);
        Assert.True(result.OutLines.Length == 1, $"expected one line on stdout: {result}");
        var line = result.OutLines[0];
        Assert.True(double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"'{line}' is not a number: {result}");
        return line;
    }

    /// <summary>The number a line holds.</summary>
    public static double Number(string line) => double.Parse(line, NumberStyles.Float, CultureInfo.InvariantCulture);
}
