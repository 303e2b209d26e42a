using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class DataSplitTests
{
    [Fact]
    public void Sizes_are_rounded_train_share()
    {
        var iris = BuiltInDataSets.Iris();

        var (train, test) = DataSplit.Split(iris, 0.2, 42);

        Assert.Equal(120, train.Count);
        Assert.Equal(30, test.Count);
        Assert.Equal(iris.Classes, train.Classes);
        Assert.Equal("iris:train", train.Name);
        Assert.Equal("iris:test", test.Name);
    }

    [Fact]
    public void Same_seed_same_split_other_seed_other_split()
    {
        var data = Numbered(50);

        var (a, at) = DataSplit.Split(data, 0.3, 7);
        var (b, bt) = DataSplit.Split(data, 0.3, 7);
        var (c, _) = DataSplit.Split(data, 0.3, 8);

        Assert.Equal(a.X, b.X);
        Assert.Equal(at.X, bt.X);
        Assert.NotEqual(a.X, c.X);
    }

    [Fact]
    public void Every_sample_lands_on_exactly_one_side_with_its_target()
    {
        var data = Numbered(50);

        var (train, test) = DataSplit.Split(data, 0.3, 1);

        Assert.Equal(35, train.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (double)i), train.X.Concat(test.X).Order());
        Assert.Equal(train.X.Select(x => x * 10), train.Y);
        Assert.NotEqual(Enumerable.Range(0, 35).Select(i => (double)i), train.X);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Fraction_outside_the_open_unit_interval_is_rejected(double f)
    {
        var e = Assert.Throws<ArgumentException>(() => DataSplit.Split(Numbered(10), f, 1));
        Assert.Contains("between 0 and 1", e.Message);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.99)]
    public void Fraction_leaving_one_side_empty_is_rejected(double f)
    {
        var e = Assert.Throws<ArgumentException>(() => DataSplit.Split(Numbered(10), f, 1));
        Assert.Contains("at least one sample", e.Message);
    }

    /// <summary>N x 1 features 0 .. N-1, targets 10 times the feature.</summary>
    private static DataSet Numbered(int n) => new(
        "numbered",
        Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
        Enumerable.Range(0, n).Select(i => i * 10.0).ToArray(),
        1,
        1,
        ["i"]);
}
