using System.Diagnostics;

namespace NetOrleans.Cli.Tests;

/// <summary>Starts built assemblies as child processes (`dotnet X.dll ...`).</summary>
public static class DotnetProcess
{
    /// <summary>
    /// How `dotnet X.dll` is started: the dotnet host, the arguments, the working folder and a clean environment, plus
    /// <paramref name="environment"/> when given.
    /// </summary>
    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Host())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Settings from the environment would change what the processes do; only the command line counts here.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("NETORLEANS_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            info.Environment.Remove(name);
        }

        // Silo processes serve no HTTP unless a test asks (--http-port or this variable): 8081 is one port for all.
        info.Environment["NETORLEANS_HTTP_PORT"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs `dotnet <paramref name="dll"/> args` to the end; past <paramref name="timeout"/> it is killed and that is a failure.</summary>
    public static async Task<CommandResult> Run(string dll, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = new Process { StartInfo = StartInfo(dll, args, workingDirectory, environment) };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`dotnet {string.Join(' ', process.StartInfo.ArgumentList)}` did not end within {timeout.TotalSeconds:F0} s and was killed\n" +
                $"--- stdout ---\n{await output}\n--- stderr ---\n{await error}");
        }

        return new CommandResult(process.ExitCode, await output, await error, watch.Elapsed);
    }

    /// <summary>The dotnet host that runs these tests (DOTNET_HOST_PATH under the SDK), else dotnet on the PATH.</summary>
    private static string Host()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
