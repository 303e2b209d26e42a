using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>Finite inputs too large to train on are refused with the row and column; ordinary data passes untouched.</summary>
public sealed class OverflowCheckTests
{
    /// <summary>A 2-1 linear network whose weights are w (both) and bias 0, unscaled inputs.</summary>
    private static NetworkModel Linear(double w) =>
        new(NetworkSpec.Create([2, 1], "linear", "linear"), [[[w, w, 0]]]);

    private static DataSet Rows(params double[] x) =>
        new("data", x, Enumerable.Repeat(0.5, x.Length / 2).ToArray(), 2, 1, ["a", "b"]);

    [Fact]
    public void Ordinary_data_passes()
    {
        OverflowCheck.Check(Linear(0.5), BuiltInDataSets.Gender());
    }

    [Fact]
    public void An_input_beyond_the_limit_is_refused_with_its_row_and_column()
    {
        var e = Assert.Throws<DataFormatException>(() => OverflowCheck.Check(Linear(0.5), Rows(1, 2, 3, 1e200)));
        Assert.StartsWith("data row 2: column 'b' has 1E+200, a finite number too large to train on", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_whose_first_forward_pass_overflows_is_refused_with_the_neuron()
    {
        // 1e100 is within the limit, but with weights of 1e250 the neuron's z is 1e350: infinity (its sigmoid, 1, is not).
        var sigmoid = new NetworkModel(NetworkSpec.Create([2, 1], "sigmoid", "sigmoid"), [[[1e250, 1e250, 0]]]);
        var e = Assert.Throws<DataFormatException>(() => OverflowCheck.Check(sigmoid, Rows(1, 2, 1e100, 3)));
        Assert.Equal(
            "data row 2: column 'a' has 1E+100, a finite number too large to train on (layer 1 neuron 0 computes z = Infinity): scale the data (--scale standard) or use smaller values",
            e.Message);
    }

    [Fact]
    public void A_row_the_bound_cannot_clear_but_that_stays_finite_passes()
    {
        // The bound (1e250 x 2e-100 ...) is over the limit for the first row, but w a + w b = 1e250 (1 - 1) e-100 stays finite.
        OverflowCheck.Check(new(NetworkSpec.Create([2, 1], "linear", "linear"), [[[1e250, -1e250, 0]]]), Rows(1e-99, 1e-99));
    }

    [Fact]
    public void A_csv_row_is_named_by_its_file_and_line()
    {
        var data = CsvReader.Parse(["a,b,y", "1,2,0", "", "3,1e300,1"], "file.csv");
        var e = Assert.Throws<DataFormatException>(() => OverflowCheck.Check(Linear(0.5), data));
        Assert.StartsWith("file.csv:4: column 'b' has 1E+300", e.Message, StringComparison.Ordinal);
    }
}
