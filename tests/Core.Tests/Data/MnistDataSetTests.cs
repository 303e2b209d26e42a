using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class MnistDataSetTests
{
    private static readonly Lazy<DataSet> Mnist = new(() => BuiltInDataSets.Find("mnist")!);

    [Fact]
    public void Loads_eight_thousand_train_and_two_thousand_test()
    {
        var train = Mnist.Value;
        Assert.Equal("mnist", train.Name);
        Assert.Equal(8000, train.Count);
        Assert.NotNull(train.Test);
        Assert.Equal(2000, train.Test.Count);
        Assert.Null(train.Test.Test);
    }

    [Fact]
    public void Has_seven_hundred_eighty_four_pixel_features()
    {
        var train = Mnist.Value;
        Assert.Equal(784, train.Features);
        Assert.Equal(784, train.Test!.Features);
        Assert.Equal(784, train.FeatureNames.Count);
        Assert.Equal("p0", train.FeatureNames[0]);
        Assert.Equal("p783", train.FeatureNames[783]);
    }

    [Fact]
    public void Pixels_are_in_the_unit_range_and_not_all_zero()
    {
        var train = Mnist.Value;
        Assert.All(new[] { train.X, train.Test!.X }, x =>
        {
            Assert.True(x.Min() >= 0.0);
            Assert.True(x.Max() <= 1.0);
        });
        Assert.Equal(1.0, train.X.Max());
        Assert.InRange(train.X.Average(), 0.05, 0.25);
    }

    [Fact]
    public void Labels_are_one_hot_over_the_ten_digits()
    {
        var train = Mnist.Value;
        Assert.Equal(10, train.Targets);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], train.Classes);
        foreach (var set in new[] { train, train.Test! })
        {
            for (var r = 0; r < set.Count; r++)
            {
                var t = set.Target(r);
                Assert.Equal(1.0, t.ToArray().Sum());
                Assert.All(t.ToArray(), v => Assert.True(v is 0.0 or 1.0));
            }
        }
    }

    [Fact]
    public void Classes_are_roughly_balanced_in_both_splits()
    {
        var train = Mnist.Value;
        foreach (var set in new[] { train, train.Test! })
        {
            var counts = new int[10];
            for (var r = 0; r < set.Count; r++)
            {
                counts[set.Target(r).IndexOf(1.0)]++;
            }

            Assert.All(counts, c => Assert.InRange(c / (double)set.Count, 0.07, 0.13));
        }
    }

    [Fact]
    public void Test_split_has_no_unseen_class()
    {
        var train = Mnist.Value;
        DataSplit.CheckClasses(train, train.Test!);
    }
}
