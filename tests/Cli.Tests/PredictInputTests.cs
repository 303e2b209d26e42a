namespace NetOrleans.Cli.Tests;

/// <summary>
/// Inputs as "128,63" or "128 63" everywhere (predict, train --predict), and `predict --data` for many rows as a
/// table with the class names.
/// </summary>
public sealed class PredictInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Predict_from_a_model_file_gives_the_same_output_for_comma_and_space_separated_inputs()
    {
        var model = _temp.Write("model.json", ModelJson.Valid);

        var spaces = Expect.OneNumber(await InProcessCli.Run("predict", "--model", model, "128", "63"));
        var commas = Expect.OneNumber(await InProcessCli.Run("predict", "--model", model, "128,63"));

        Assert.Equal(spaces, commas);
    }

    [Fact]
    public async Task Train_predict_takes_both_forms()
    {
        var result = await InProcessCli.Run("train", "--data", "gender", "--epochs", "5", "--predict", "128", "63", "--predict", "155,68");

        Expect.Success(result);
        Assert.Single(result.OutLines, l => l.StartsWith("predict 128,63: ", StringComparison.Ordinal));
        Assert.Single(result.OutLines, l => l.StartsWith("predict 155,68: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predict_data_from_a_csv_without_targets_prints_a_row_each()
    {
        var model = _temp.Write("model.json", ModelJson.Valid);
        var rows = _temp.Write("rows.csv", "weight,height\n128,63\n155,68\n");
        var one = Expect.OneNumber(await InProcessCli.Run("predict", "--model", model, "155", "68"));

        var result = await InProcessCli.Run("predict", "--model", model, "--data", rows);

        Expect.Success(result);
        Assert.Equal(3, result.OutLines.Length);
        Assert.Matches(@"^row\s+weight\s+height\s+prediction$", result.OutLines[0]);
        Assert.Matches(@"^2\s+155\s+68\s+", result.OutLines[2]);
        Assert.Equal(Expect.Number(one), Expect.Number(result.OutLines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]), 5);
    }

    [Fact]
    public async Task Predict_data_for_a_classifier_prints_the_class_names_and_the_targets()
    {
        var model = _temp.File("iris.json");
        Expect.Success(await InProcessCli.Run("train", "--data", "iris", "--layers", "4,8,3", "--activation", "tanh", "--scale", "standard",
            "--epochs", "30", "--batch-size", "8", "--optimizer", "adam", "--lr", "0.01", "--out", model));

        var result = await InProcessCli.Run("predict", "--model", model, "--data", "iris");

        Expect.Success(result);
        Assert.Equal(151, result.OutLines.Length);
        Assert.Matches(@"^row\s+sepal_length\s+sepal_width\s+petal_length\s+petal_width\s+class\s+output\s+target$", result.OutLines[0]);
        Assert.Matches(@"^1\s+5\.1\s+3\.5\s+1\.4\s+0\.2\s+setosa\s+0\.\d+\s+setosa$", result.OutLines[1]);
        Assert.Matches(@"\s+virginica$", result.OutLines[150]);
    }

    [Fact]
    public async Task Predict_data_of_the_wrong_width_is_one_error_line()
    {
        var model = _temp.Write("model.json", ModelJson.Valid);
        var rows = _temp.Write("rows.csv", "a,b,c,d\n1,2,3,4\n");
        Expect.OneError(await InProcessCli.Run("predict", "--model", model, "--data", rows), "rows.csv", "takes 2 inputs");
    }
}
