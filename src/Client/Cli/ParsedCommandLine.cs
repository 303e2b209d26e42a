namespace NetOrleans.Client.Cli;

/// <summary>What a command line asks for: a command with its arguments, or help text to print.</summary>
/// <param name="Command">the command to run; null when <paramref name="Help"/> is set</param>
/// <param name="Arguments">its options and positional values; null when <paramref name="Help"/> is set</param>
/// <param name="Verbose">--verbose was given: a stopwatch log of the command's stages</param>
/// <param name="Help">help text asked for with --help</param>
public sealed record ParsedCommandLine(CommandSpec? Command, Arguments? Arguments, bool Verbose, string? Help);
