namespace NetOrleans.Cli.Tests;

/// <summary>
/// What `jobs` and `networks` print about a finished job and its network: lists with column headers, no batch for a
/// job that has ended, counts with their nouns in the right number, and a cancel that has nothing to cancel says so.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ListOutputTests(SiloFixture silo)
{
    [Fact]
    public async Task A_finished_job_and_its_network_are_listed_under_headers_and_shown_in_the_right_number()
    {
        var train = await InProcessCli.Run("train", "--data", "gender", "--epochs", "1", "--network", "listed-1", "--gateway", silo.Gateway);
        Expect.Success(train);
        Assert.Contains("1 epoch of 4 samples", train.Error, StringComparison.Ordinal);
        var jobId = Assert.Single(train.ErrorLines, l => l.StartsWith("network listed-1 ", StringComparison.Ordinal)).Split("job ")[1].Split(':')[0];

        var jobs = await InProcessCli.Run("jobs", "list", "--gateway", silo.Gateway);
        Expect.Success(jobs);
        Assert.Matches(@"^JOB +NETWORK +STATE +EPOCH +BATCH +SAMPLES/S +ERROR$", jobs.OutLines[0]);
        Assert.Matches($@"^{jobId} +listed-1 +Completed +1/1 +- +\d+$", Assert.Single(jobs.OutLines, l => l.StartsWith(jobId, StringComparison.Ordinal)));

        var cancel = await InProcessCli.Run("jobs", "cancel", jobId, "--gateway", silo.Gateway);
        Expect.Success(cancel);
        Assert.Equal($"job {jobId} had already completed: nothing to cancel", Assert.Single(cancel.OutLines));

        var networks = await InProcessCli.Run("networks", "list", "--gateway", silo.Gateway);
        Expect.Success(networks);
        Assert.Matches(@"^NETWORK +SHAPE +STEPS +EPOCHS +LOSS$", networks.OutLines[0]);
        Assert.Matches(@"^listed-1 +2,2,1 sigmoid mse +4 +1 +0\.\d+$", Assert.Single(networks.OutLines, l => l.StartsWith("listed-1 ", StringComparison.Ordinal)));

        var show = await InProcessCli.Run("networks", "show", "listed-1", "--gateway", silo.Gateway);
        Expect.Success(show);
        Assert.Contains("4 steps, 1 epoch", show.OutLines[0], StringComparison.Ordinal);
        Assert.Contains("layer 2: 1 sigmoid neuron, 2 inputs each", show.OutLines, StringComparer.Ordinal);
    }
}
