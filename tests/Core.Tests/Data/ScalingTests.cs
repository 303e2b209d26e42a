using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class ScalingTests
{
    // 4 x 3: a spread column, a constant column, a column with a negative value.
    private static readonly DataSet Tiny = new(
        "tiny",
        [1, 5, -2, 2, 5, 0, 3, 5, 0, 6, 5, 6],
        [0, 1, 0, 1],
        3,
        1,
        ["a", "b", "c"]);

    [Fact]
    public void NoneIsZeroShiftUnitScale()
    {
        var (shift, scale) = Scaling.Fit(Tiny, "none");
        Assert.Equal([0.0, 0.0, 0.0], shift);
        Assert.Equal([1.0, 1.0, 1.0], scale);
    }

    [Fact]
    public void StandardIsMeanAndPopulationStandardDeviation()
    {
        var (shift, scale) = Scaling.Fit(Tiny, "standard");

        Assert.Equal([3.0, 5.0, 1.0], shift);
        Assert.Equal(Math.Sqrt(3.5), scale[0], 12); // sqrt((4 + 1 + 0 + 9) / 4)
        Assert.Equal(1.0, scale[1]); // constant
        Assert.Equal(3.0, scale[2], 12); // sqrt((9 + 1 + 1 + 25) / 4)
    }

    [Fact]
    public void MinMaxIsMinimumAndRange()
    {
        var (shift, scale) = Scaling.Fit(Tiny, " MinMax ");

        Assert.Equal([1.0, 5.0, -2.0], shift);
        Assert.Equal([5.0, 1.0, 8.0], scale);
    }

    [Fact]
    public void ConstantColumnWithRoundingNoiseStillGetsUnitScale()
    {
        var data = new DataSet("c", [0.1, 0.1, 0.1], [0, 1, 0], 1, 1, ["x"]);
        var (_, scale) = Scaling.Fit(data, "standard");
        Assert.Equal([1.0], scale);
    }

    [Fact]
    public void UnknownNameListsTheAllowedValues()
    {
        var e = Assert.Throws<ArgumentException>(() => Scaling.Fit(Tiny, "zscore"));
        Assert.Contains("'zscore'", e.Message);
        Assert.Contains("none, standard, minmax", e.Message);
    }

    [Fact]
    public void EmptyTrainingSetCannotBeFitted()
    {
        var empty = new DataSet("empty", [], [], 2, 1, ["a", "b"]);
        Assert.Throws<ArgumentException>(() => Scaling.Fit(empty, "standard"));
    }
}
