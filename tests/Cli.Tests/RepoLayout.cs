namespace NetOrleans.Cli.Tests;

/// <summary>
/// Where the built silo and client are: src/Silo and src/Client's bin/&lt;Configuration&gt;/net10.0 under the repository
/// root (the folder holding NetOrleans.sln above this test assembly), in the configuration this assembly was built in.
/// </summary>
public static class RepoLayout
{
    private const string TargetFramework = "net10.0";

    /// <summary>The folder that holds NetOrleans.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the folder above net10.0 in this test assembly's own output path.</summary>
    public static string Configuration { get; } = FindConfiguration();

    /// <summary>The silo's entry assembly.</summary>
    public static string SiloDll => Built("Silo", "NetOrleans.Silo.dll");

    /// <summary>The netorleans console's entry assembly.</summary>
    public static string ClientDll => Built("Client", "netorleans.dll");

    private static string Built(string project, string file)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, TargetFramework, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built (build src/{project} in {Configuration} first)", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds NetOrleans.sln");
    }

    private static string FindConfiguration()
    {
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        return framework.Name == TargetFramework && framework.Parent is { } configuration
            ? configuration.Name
            : throw new DirectoryNotFoundException($"{AppContext.BaseDirectory} is not a .../bin/<Configuration>/{TargetFramework}/ folder");
    }
}
