using NetOrleans.Client.Commands;
using NetOrleans.Core.Data;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// The output layer follows the loss and the targets unless --output names it (the tutorial's defaults and numbers
/// stay), and training that fails silently (a flat loss, one prediction for every sample) gets a one-line warning.
/// </summary>
public sealed class OutputDefaultTests
{
    [Fact]
    public async Task Tutorial_Defaults_KeepTheSeedsNumbers_AndWarnOfNothing()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--predict", "128,63", "--predict", "155,68");
        Expect.Success(result);
        Assert.Contains("(2,2,1 sigmoid mse)", result.Error, StringComparison.Ordinal);
        Assert.Contains("predict 128,63: 0.9651718657385234", result.OutLines);
        Assert.Contains("predict 155,68: 0.038710797299482964", result.OutLines);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReluHidden_OnZeroOneTargets_GetsASigmoidOutput_AndLearns()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--activation", "relu", "--predict", "128,63", "--predict", "155,68");
        Expect.Success(result);
        Assert.Contains("(2,2,1 relu/sigmoid mse)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
        var emily = Expect.Number(result.OutLines.Single(l => l.StartsWith("predict 128,63: ", StringComparison.Ordinal))["predict 128,63: ".Length..]);
        Assert.True(emily > 0.5, $"Emily should be female (> 0.5): {result}");
    }

    [Fact]
    public async Task ReluOutputThatDies_GetsOneWarningLine_NamingTheLikelyCauses()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--activation", "relu", "--output", "relu", "--epochs", "20");
        Expect.Success(result);
        var warning = Assert.Single(result.ErrorLines, l => l.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains("the loss has not moved in 20 epochs (0.5)", warning, StringComparison.Ordinal);
        Assert.Contains("every training sample gets the same prediction (0)", warning, StringComparison.Ordinal);
        Assert.Contains("dead relu units", warning, StringComparison.Ordinal);
        Assert.Contains("learning rate too large or too small (--lr 0.1)", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, new[] { 0.0, 1.0 }, "sigmoid", "mse")]
    [InlineData(null, "cross-entropy", new[] { 0.0, 1.0 }, "sigmoid", "cross-entropy")]
    [InlineData(null, null, new[] { -3.0, 12.5 }, "linear", "mse")]
    [InlineData("tanh", null, new[] { -3.0, 12.5 }, "tanh", "mse")]
    public void Output_FollowsTheLossAndTheTargets_UnlessNamed(string? output, string? loss, double[] y, string expectedOutput, string expectedLoss)
    {
        var data = new DataSet("d", [1.0, 2.0], y, 1, 1, ["x"]);
        Assert.Equal((expectedOutput, expectedLoss), OutputDefault.For(output, loss, data));
    }

    [Fact]
    public void Output_OfOneHotClasses_IsSoftmaxWithCrossEntropy()
    {
        var data = new DataSet("d", [1.0, 2.0], [1.0, 0, 0, 1.0], 1, 2, ["x"], ["a", "b"]);
        Assert.Equal(("softmax", "cross-entropy"), OutputDefault.For(null, null, data));
    }
}
