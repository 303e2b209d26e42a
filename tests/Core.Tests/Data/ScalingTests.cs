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
    public void None_is_zero_shift_unit_scale()
    {
        var (shift, scale) = Scaling.Fit(Tiny, "none");
        Assert.Equal([0.0, 0.0, 0.0], shift);
        Assert.Equal([1.0, 1.0, 1.0], scale);
    }

    [Fact]
    public void Standard_is_mean_and_population_standard_deviation()
    {
        var (shift, scale) = Scaling.Fit(Tiny, "standard");

        Assert.Equal([3.0, 5.0, 1.0], shift);
        Assert.Equal(Math.Sqrt(3.5), scale[0], 12); // sqrt((4 + 1 + 0 + 9) / 4)
        Assert.Equal(1.0, scale[1]); // constant
        Assert.Equal(3.0, scale[2], 12); // sqrt((9 + 1 + 1 + 25) / 4)
    }

    [Fact]
    public void Min_max_is_minimum_and_range()
    {
        var (shift, scale) = Scaling.Fit(Tiny, " MinMax ");

        Assert.Equal([1.0, 5.0, -2.0], shift);
        Assert.Equal([5.0, 1.0, 8.0], scale);
    }

    [Fact]
    public void Constant_column_with_rounding_noise_still_gets_unit_scale()
    {
        var data = new DataSet("c", [0.1, 0.1, 0.1], [0, 1, 0], 1, 1, ["x"]);
        var (_, scale) = Scaling.Fit(data, "standard");
        Assert.Equal([1.0], scale);
    }

    [Fact]
    public void Unknown_name_lists_the_allowed_values()
    {
        var e = Assert.Throws<ArgumentException>(() => Scaling.Fit(Tiny, "zscore"));
        Assert.Contains("'zscore'", e.Message);
        Assert.Contains("none, standard, minmax", e.Message);
    }

    [Fact]
    public void Empty_training_set_cannot_be_fitted()
    {
        var empty = new DataSet("empty", [], [], 2, 1, ["a", "b"]);
        Assert.Throws<ArgumentException>(() => Scaling.Fit(empty, "standard"));
    }
}
