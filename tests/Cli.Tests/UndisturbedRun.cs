namespace NetOrleans.Cli.Tests;

/// <summary>The fault tests' yardstick: <see cref="FaultWorkload.Current"/> trained once on an embedded silo, no fault, as a model file.</summary>
public sealed class UndisturbedRun : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _directory = new();

    /// <summary>The model file's text: what every disturbed run must export, byte for byte.</summary>
    public string Model { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var result = await DotnetProcess.Run(RepoLayout.ClientDll, FaultWorkload.Current.On("undisturbed", "--out", "undisturbed.json"), _directory.Path, Timeout);
        Expect.Success(result);
        Model = await File.ReadAllTextAsync(_directory.File("undisturbed.json"));
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
