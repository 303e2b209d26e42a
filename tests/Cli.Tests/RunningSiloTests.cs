namespace NetOrleans.Cli.Tests;

/// <summary>Bad requests through the gateway fail one by one, and the silo process goes on serving good ones.</summary>
[Collection(SiloCollection.Name)]
public sealed class RunningSiloTests(SiloFixture silo) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task After_bad_requests_the_silo_still_predicts()
    {
        Expect.Success(await silo.TrainGender());
        var network = SiloFixture.GenderNetwork;
        var before = Expect.OneNumber(await InProcessCli.Run("predict", "--network", network, "--gateway", silo.Gateway, "128", "63"));

        Expect.OneError(await InProcessCli.Run("predict", "--network", "does-not-exist", "--gateway", silo.Gateway, "128", "63"), "does-not-exist");
        Expect.OneError(await InProcessCli.Run("predict", "--network", network, "--gateway", silo.Gateway, "128", "63", "1"), "2 inputs");
        var ragged = _temp.Write("bad.csv", "weight,height,gender\n128,63,1\n155,68\n");
        Expect.OneError(await InProcessCli.Run("train", "--network", network, "--data", ragged, "--gateway", silo.Gateway), "bad.csv:3");
        Expect.OneError(await InProcessCli.Run("train", "--network", network, "--data", "iris", "--epochs", "1", "--gateway", silo.Gateway), network);
        Expect.OneError(await InProcessCli.Run("predict", "--model", _temp.Write("bad.json", ModelJson.WrongWeightCount), "--gateway", silo.Gateway, "128", "63"), "bad.json");

        Assert.True(silo.IsRunning, $"the silo process ended:\n{silo.Log}");
        var after = Expect.OneNumber(await InProcessCli.Run("predict", "--network", network, "--gateway", silo.Gateway, "128", "63"));
        Assert.Equal(before, after);
    }
}
