namespace NetOrleans.Cli.Tests;

/// <summary>
/// Command lines and files that cannot be run end with exit code 1 and one line on stderr that names the problem,
/// before any cluster is needed (so they run in this process).
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Predict_wrong_number_of_inputs_says_how_many_the_model_takes()
    {
        var model = _temp.Write("model.json", ModelJson.Valid);
        Expect.OneError(await InProcessCli.Run("predict", "--model", model, "128"), "2 inputs", "got 1");
        Expect.OneError(await InProcessCli.Run("predict", "--model", model, "128", "63", "1"), "2 inputs", "got 3");
    }

    [Fact]
    public async Task Train_csv_with_a_ragged_row_names_the_file_and_line()
    {
        var csv = _temp.Write("file.csv", "weight,height,gender\n128,63,1\n155,68\n140,65,0\n");
        Expect.OneError(await InProcessCli.Run("train", "--data", csv), "file.csv:3", "3 columns");
    }

    [Fact]
    public async Task Train_csv_with_a_non_numeric_feature_names_the_file_line_and_value()
    {
        var csv = _temp.Write("file.csv", "weight,height,gender\n128,63,1\n155,tall,0\n");
        Expect.OneError(await InProcessCli.Run("train", "--data", csv), "file.csv:3", "'height'", "'tall'");
    }

    [Fact]
    public async Task Predict_model_whose_weights_do_not_match_its_sizes_names_the_neuron()
    {
        var model = _temp.Write("model.json", ModelJson.WrongWeightCount);
        Expect.OneError(await InProcessCli.Run("predict", "--model", model, "128", "63"), "model.json", "layer 1 neuron 0", "3 weights");
    }

    [Fact]
    public async Task Predict_model_with_an_unknown_activation_names_it()
    {
        var model = _temp.Write("model.json", ModelJson.UnknownActivation);
        Expect.OneError(await InProcessCli.Run("predict", "--model", model, "128", "63"), "model.json", "unknown activation 'swish'");
    }

    [Fact]
    public async Task Unknown_option_is_named()
    {
        Expect.OneError(await InProcessCli.Run("train", "--data", "gender", "--epoch", "5"), "unknown option '--epoch'");
        Expect.OneError(await InProcessCli.Run("predict", "--model", _temp.Write("model.json", ModelJson.Valid), "--bogus", "1", "2"), "unknown option '--bogus'");
    }

    [Fact]
    public async Task Train_layer_of_zero_neurons_is_refused()
    {
        Expect.OneError(await InProcessCli.Run("train", "--data", "gender", "--layers", "2,0,1"), "layer 1", "got 0");
    }

    [Fact]
    public async Task Train_layers_whose_input_width_does_not_fit_the_data_says_so()
    {
        Expect.OneError(await InProcessCli.Run("train", "--data", "gender", "--layers", "3,2,1"), "--layers", "3 inputs", "2 features");
    }

    [Theory]
    [InlineData("--out", "m.json")]
    [InlineData("--plot", "curves.png")]
    public async Task Train_output_into_a_folder_that_does_not_exist_is_refused_before_training(string option, string file)
    {
        var missing = _temp.File("missing");
        var result = await InProcessCli.Run("train", "--data", "gender", "--epochs", "1", option, Path.Combine(missing, file));
        Expect.OneError(result, option, missing);
        Assert.DoesNotContain("epoch", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--gateway", "127.0.0.1:9")]
    public async Task Train_output_that_is_a_folder_is_refused_before_any_work(params string[] gateway)
    {
        // One line on stderr also means no embedded silo started (it says so there), and with a gateway that answers
        // nothing, the refusal comes before any call to a cluster.
        var folder = Directory.CreateDirectory(_temp.File("models")).FullName;
        var result = await InProcessCli.Run(["train", "--data", "gender", "--epochs", "1", "--out", folder, .. gateway]);
        Expect.OneError(result, "--out", folder, "is a folder");
        Assert.DoesNotContain("epoch", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Theory]
    [InlineData]
    [InlineData("--gateway", "127.0.0.1:9")]
    public async Task Train_output_to_a_path_nobody_may_write_is_refused_before_any_work(params string[] gateway)
    {
        // sysfs refuses new files to every user, root included (a read-only folder would not stop root).
        const string path = "/sys/netorleans-model.json";
        var result = await InProcessCli.Run(["train", "--data", "gender", "--epochs", "1", "--out", path, .. gateway]);
        Expect.OneError(result, "--out", "cannot write", path);
        Assert.DoesNotContain("epoch", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("standard")]
    public async Task Train_csv_with_a_finite_value_too_large_to_train_on_names_the_line_and_column(string scale)
    {
        var csv = _temp.Write("file.csv", "weight,height,gender\n128,63,1\n155,1e308,0\n140,65,0\n");
        Expect.OneError(await InProcessCli.Run("train", "--data", csv, "--scale", scale), "file.csv:3", "column 'height'", "1E+308", "too large to train on");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task Train_learning_rate_that_is_not_positive_and_finite_is_refused(string lr)
    {
        var line = Expect.OneError(await InProcessCli.Run("train", "--data", "gender", "--lr", lr));
        Assert.True(line.Contains("--lr", StringComparison.Ordinal) || line.Contains("learning rate", StringComparison.Ordinal), line);
        Assert.Contains(lr, line, StringComparison.Ordinal);
    }
}
