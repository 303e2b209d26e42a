namespace NetOrleans.Cli.Tests;

/// <summary>A silo process and client processes: train through the gateway, then predict from the network and from the model file.</summary>
[Collection(SiloCollection.Name)]
public sealed class SeparateSiloTests(SiloFixture silo)
{
    [Fact]
    public async Task Gender_trained_through_the_gateway_predicts_Emily_female_and_Frank_male()
    {
        var train = await silo.TrainGender();
        Expect.Success(train);
        Assert.True(train.OutLines.Count(l => l.StartsWith("epoch ", StringComparison.Ordinal)) == 10, $"expected 10 epoch lines: {train}");
        Assert.True(File.Exists(silo.GenderModel), $"no model file {silo.GenderModel}: {train}");

        var emily = Expect.OneNumber(await silo.RunClient("predict", "--network", SiloFixture.GenderNetwork, "--gateway", silo.Gateway, "128", "63"));
        var frank = Expect.OneNumber(await silo.RunClient("predict", "--network", SiloFixture.GenderNetwork, "--gateway", silo.Gateway, "155", "68"));
        Assert.True(Expect.Number(emily) > 0.5, $"Emily (128 lb, 63 in) should be female (> 0.5), got {emily}");
        Assert.True(Expect.Number(frank) < 0.5, $"Frank (155 lb, 68 in) should be male (< 0.5), got {frank}");

        var fromFile = Expect.OneNumber(await silo.RunClient("predict", "--model", silo.GenderModel, "--gateway", silo.Gateway, "128", "63"));
        Assert.Equal(emily, fromFile);
    }
}
