namespace NetOrleans.Client.Cli;

/// <summary>A command line that cannot be run; the message says what is wrong with it.</summary>
public sealed class UsageException(string message) : Exception(message);
