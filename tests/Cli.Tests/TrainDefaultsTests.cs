using NetOrleans.Client.Cli;
using NetOrleans.Client.Commands;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cli.Tests;

/// <summary>What `netorleans train` sends a job when an option is not given.</summary>
public sealed class TrainDefaultsTests
{
    [Fact]
    public void Without_checkpoint_seconds_a_job_checkpoints_every_five_seconds_as_any_job()
    {
        var settings = TrainSettings.Parse(Client.Cli.Cli.ParseArguments(["train", "--data", "gender"]));
        Assert.Equal(JobRequest.DefaultCheckpointSeconds, settings.CheckpointSeconds);
        Assert.Equal(5, settings.CheckpointSeconds);
    }

    [Fact]
    public void Checkpoint_seconds_zero_checkpoints_every_epoch()
    {
        var settings = TrainSettings.Parse(Client.Cli.Cli.ParseArguments(["train", "--data", "gender", "--checkpoint-seconds", "0"]));
        Assert.Equal(0, settings.CheckpointSeconds);
    }
}
