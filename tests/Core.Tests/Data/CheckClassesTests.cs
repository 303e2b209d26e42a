using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class CheckClassesTests
{
    private static readonly IReadOnlyList<string> Colours = ["red", "green", "blue"];

    [Fact]
    public void One_hot_class_missing_from_training_is_named()
    {
        var train = OneHot([0, 0, 1]);
        var test = OneHot([1, 2]);

        var e = Assert.Throws<DataFormatException>(() => DataSplit.CheckClasses(train, test));

        Assert.Equal("class 'blue' appears in the test split but not in the training split", e.Message);
    }

    [Fact]
    public void Class_missing_from_test_only_is_fine()
    {
        DataSplit.CheckClasses(OneHot([0, 1, 2]), OneHot([1]));
    }

    [Fact]
    public void Single_binary_column_is_checked()
    {
        var classes = new[] { "male", "female" };
        var train = new DataSet("train", [1, 2], [0, 0], 1, 1, ["x"], classes);
        var test = new DataSet("test", [3], [1], 1, 1, ["x"], classes);

        var e = Assert.Throws<DataFormatException>(() => DataSplit.CheckClasses(train, test));

        Assert.Contains("class 'female'", e.Message);
    }

    [Fact]
    public void Regression_targets_are_not_classes()
    {
        var train = new DataSet("train", [1, 2], [0.5, 0.7], 1, 1, ["x"]);
        var test = new DataSet("test", [3], [9.0], 1, 1, ["x"]);

        DataSplit.CheckClasses(train, test);
    }

    [Fact]
    public void Mismatched_shapes_are_an_error()
    {
        var test = new DataSet("test", [1, 2], [0, 0, 1], 2, 3, ["x", "y"], Colours);

        Assert.Throws<DataFormatException>(() => DataSplit.CheckClasses(OneHot([0]), test));
    }

    /// <summary>N x 1 features, N x 3 one-hot targets of the given class indices.</summary>
    private static DataSet OneHot(int[] labels)
    {
        var y = new double[labels.Length * 3];
        for (var r = 0; r < labels.Length; r++)
        {
            y[r * 3 + labels[r]] = 1;
        }

        return new DataSet("set", labels.Select(l => (double)l).ToArray(), y, 1, 3, ["x"], Colours);
    }
}
