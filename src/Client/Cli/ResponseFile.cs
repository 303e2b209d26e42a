using System.CommandLine.Parsing;

namespace NetOrleans.Client.Cli;

/// <summary>
/// <c>@FILE</c> on a command line: the arguments FILE holds, one or more per line, split as a shell would
/// (System.CommandLine's splitter; quotes keep spaces). Expanded before the parser sees the line so that rows typed as
/// <c>--predict 128 63</c> in a file join as they do on the command line.
/// </summary>
public static class ResponseFile
{
    /// <summary>The command line with every <c>@FILE</c> replaced by the arguments in FILE.</summary>
    public static List<string> Expand(IReadOnlyList<string> args)
    {
        var expanded = new List<string>(args.Count);
        foreach (var arg in args)
        {
            if (arg.Length < 2 || arg[0] != '@')
            {
                expanded.Add(arg);
                continue;
            }

            var path = arg[1..];
            if (!File.Exists(path))
            {
                throw new UsageException($"response file '{path}' not found");
            }

            expanded.AddRange(File.ReadLines(path)
                .Where(line => !line.TrimStart().StartsWith('#'))
                .SelectMany(CommandLineParser.SplitCommandLine));
        }

        return expanded;
    }
}
