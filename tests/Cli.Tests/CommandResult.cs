namespace NetOrleans.Cli.Tests;

/// <summary>What a netorleans command did: its exit code, standard output and standard error, and how long it took.</summary>
public sealed record CommandResult(int ExitCode, string Out, string Error, TimeSpan Elapsed)
{
    /// <summary>Standard output's non-empty lines.</summary>
    public string[] OutLines => Lines(Out);

    /// <summary>Standard error's non-empty lines.</summary>
    public string[] ErrorLines => Lines(Error);

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
