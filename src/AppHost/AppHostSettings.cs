using Microsoft.Extensions.Configuration;

namespace NetOrleans.AppHost;

/// <summary>
/// What the AppHost starts, from its command line or environment: silos (how many silo processes, 3 by default) and
/// redis-data (the folder of Redis's append-only file, by default ~/.local/share/netorleans/redis).
/// </summary>
public sealed record AppHostSettings(int Silos, string RedisData)
{
    /// <summary>The settings' names on the command line (--silos 2) and in the environment (silos=2).</summary>
    public const string SilosName = "silos";

    /// <inheritdoc cref="SilosName"/>
    public const string RedisDataName = "redis-data";

    /// <summary>The settings a configuration holds; a bad silo count is an <see cref="ArgumentException"/>.</summary>
    public static AppHostSettings From(IConfiguration configuration)
    {
        var silos = configuration[SilosName] is { Length: > 0 } text
            ? int.TryParse(text, out var n) && n is > 0 and <= 16 ? n : throw new ArgumentException($"{SilosName}: '{text}' is not a silo count (1-16)")
            : 3;
        var data = configuration[RedisDataName] is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "netorleans", "redis");
        return new AppHostSettings(silos, data);
    }
}
