using System.Security.Cryptography;
using System.Text;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// The bearer token every call that changes state needs (start or cancel a job, delete a network): NETORLEANS_TOKEN,
/// or 32 random bytes drawn at start, written to a file only its user may read, as Jupyter does with its own.
/// </summary>
public sealed class ApiToken
{
    /// <summary>The environment variable that gives the token instead of a random one.</summary>
    public const string Variable = "NETORLEANS_TOKEN";

    private readonly byte[] _bytes;

    private ApiToken(string value, string? file)
    {
        Value = value;
        File = file;
        _bytes = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The token itself.</summary>
    public string Value { get; }

    /// <summary>Where it was written (mode 600), or null when it came from the environment.</summary>
    public string? File { get; }

    /// <summary>The token of a silo whose HTTP endpoint listens on <paramref name="port"/>.</summary>
    public static ApiToken Create(int port)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return new ApiToken(given, null);
        }

        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "netorleans");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"http-{port}.token");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(file, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(value + "\n"));
        }

        if (!OperatingSystem.IsWindows())
        {
            // An older file keeps its mode through FileMode.Create: make it the user's alone.
            System.IO.File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new ApiToken(value, file);
    }

    /// <summary>True when an Authorization header carries this token as "Bearer TOKEN" (compared in constant time).</summary>
    public bool Accepts(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()), _bytes);
    }
}
