using NetOrleans.Core.Models;
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
    public async Task The_tutorial_defaults_keep_the_seeds_numbers_and_warn_of_nothing()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--predict", "128,63", "--predict", "155,68");
        Expect.Success(result);
        Assert.Contains("(2,2,1 sigmoid mse)", result.Error, StringComparison.Ordinal);
        Assert.Contains("predict 128,63: 0.9651718657385234", result.OutLines);
        Assert.Contains("predict 155,68: 0.038710797299482964", result.OutLines);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relu_hidden_layers_on_zero_one_targets_get_a_sigmoid_output_and_learn()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--activation", "relu", "--predict", "128,63", "--predict", "155,68");
        Expect.Success(result);
        Assert.Contains("(2,2,1 relu/sigmoid mse)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
        var emily = Expect.Number(result.OutLines.Single(l => l.StartsWith("predict 128,63: ", StringComparison.Ordinal))["predict 128,63: ".Length..]);
        Assert.True(emily > 0.5, $"Emily should be female (> 0.5): {result}");
    }

    [Fact]
    public async Task A_relu_output_that_dies_gets_one_warning_line_naming_the_likely_causes()
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
    public void The_output_follows_the_loss_and_the_targets_unless_named(string? output, string? loss, double[] y, string expectedOutput, string expectedLoss)
    {
        var data = new DataSet("d", [1.0, 2.0], y, 1, 1, ["x"]);
        Assert.Equal((expectedOutput, expectedLoss), OutputDefault.For(output, loss, data));
    }

    [Fact]
    public void One_hot_classes_get_softmax_with_cross_entropy()
    {
        var data = new DataSet("d", [1.0, 2.0], [1.0, 0, 0, 1.0], 1, 2, ["x"], ["a", "b"]);
        Assert.Equal(("softmax", "cross-entropy"), OutputDefault.For(null, null, data));
    }
}
