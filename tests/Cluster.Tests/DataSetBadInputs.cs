using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Bad uploads and reads of data set grains: empty or oversized headers, chunks too big, overlapping, outside the rows, not finite or not classes.</summary>
public static class DataSetBadInputs
{
    public static IEnumerable<BadInput> Rows() =>
    [
        BadInput.Of<ArgumentException>("begin a data set of 0 rows over the world's data set", w => w.DataSet(w.DataSetId).Begin(Header(0, 2, 2)), "data set 'gender' is empty"),
        BadInput.Of<ArgumentException>("begin a data set with 0 features", w => w.DataSet(w.Scratch("data")).Begin(Header(4, 0, 1)), "at least one feature and one target, got 0 and 1"),
        BadInput.Of<ArgumentException>("begin 2^27 rows x (1 + 1) x 8 bytes, over the 1 GB limit", w => w.DataSet(w.Scratch("data")).Begin(Header(1 << 27, 1, 1)), "2048 MB, over the limit of 1024 MB"),
        BadInput.Of<ArgumentException>("begin a header whose n + k overflows an int", w => w.DataSet(w.Scratch("data")).Begin(Header(4, int.MaxValue, 1)), "over the limit of 1024 MB"),
        BadInput.Of<ArgumentException>(
            "append a chunk of 1.12 MB, over the 1 MB chunk limit",
            w => w.DataSet(w.Scratch("big")).Append(new DataChunk(0, new double[70_000], new double[70_000])),
            "a chunk of 1120000 bytes is over the limit of 1048576") with
        {
            Arrange = w => w.DataSet(w.Scratch("big")).Begin(Header(200_000, 1, 1)),
        },
        BadInput.Of<ArgumentException>(
            "begin rows of 100,000 features and 100,000 targets, over the 1 MB chunk",
            w => w.DataSet(w.Scratch("data")).Begin(Header(4, 100_000, 100_000)),
            "a row of 100000 features and 100000 targets is 1600000 bytes, over the chunk limit of 1048576"),
        BadInput.Of<ArgumentException>(
            "begin 3 classes for 2 target columns",
            w => w.DataSet(w.Scratch("data")).Begin(new DataSetHeader("gender", 4, 2, 2, ["weight", "height"], ["a", "b", "c"])),
            "names 3 classes for 2 target columns"),
        Partial("append a chunk whose target row 1 is two classes at once", 2, 2, "chunk at row 2", "target row 1 is [1, 1], not a class (one-hot)", y: y => y[0] = y[1] = 1),
        Partial("append rows 1..2 over rows 0..1 already uploaded", 1, 2, "row 1 was already uploaded"),
        Partial("append rows 3..4 of a data set of 4 rows", 3, 2, "rows 3..4 are outside 0..3"),
        Partial("append a chunk at row -1", -1, 2, "rows -1..0 are outside 0..3"),
        Partial("append a chunk at row int.MaxValue", int.MaxValue, 1, "are outside 0..3"),
        Partial("append a chunk with NaN in a feature", 2, 2, "chunk at row 2", "feature row 1 column 2 is NaN", x => x[1] = double.NaN),
        Partial("append a chunk with +infinity in a target", 2, 2, "chunk at row 2", "target row 2 column 1", y: y => y[2] = double.PositiveInfinity),
        BadInput.Of<ArgumentException>("append a chunk of 3 feature values for rows of 2", w => w.DataSet(w.Scratch("partial")).Append(new DataChunk(2, new[] { 1.0, 2, 3 }, new[] { 0.0, 1 })), "chunk at row 2 is not whole rows of 2 features and 2 targets") with
        {
            Arrange = ArrangePartial,
            After = CompletePartial,
        },
        BadInput.Of<ArgumentException>("append a chunk with no targets", w => w.DataSet(w.Scratch("partial")).Append(new DataChunk(2, new[] { 1.0, 2, 3, 4 }, null!)), "chunk at row 2", "no targets") with
        {
            Arrange = ArrangePartial,
            After = CompletePartial,
        },
        BadInput.Of<ArgumentException>("append to the world's complete data set", w => w.DataSet(w.DataSetId).Append(new DataChunk(0, new[] { 1.0, 2 }, new[] { 1.0, 0 })), "row 0 was already uploaded"),
        BadInput.Of<InvalidOperationException>("append before begin", w => w.DataSet(w.Scratch("data")).Append(new DataChunk(0, new[] { 1.0, 2 }, new[] { 1.0, 0 })), "append before begin"),
        BadInput.Of<ArgumentException>("read rows 2..6 of a data set of 4", w => w.DataSet(w.DataSetId).Read(2, 5), "cannot read rows 2..6 of 4"),
        BadInput.Of<ArgumentException>("read int.MaxValue rows from row 1", w => w.DataSet(w.DataSetId).Read(1, int.MaxValue), "cannot read rows 1..", "of 4"),
        BadInput.Of<KeyNotFoundException>("read the header of an unknown data set", w => w.DataSet(w.Scratch("data")).GetHeader(), "data set '{row}/data' does not exist"),
        BadInput.Of<InvalidOperationException>("read the header of a half-uploaded data set", w => w.DataSet(w.Scratch("partial")).GetHeader(), "is incomplete: 2 of 4 rows uploaded") with
        {
            Arrange = ArrangePartial,
            After = CompletePartial,
        },
    ];

    private static DataSetHeader Header(int count, int features, int targets) =>
        new("gender", count, features, targets, Enumerable.Range(0, Math.Min(features, 4)).Select(i => $"f{i}").ToArray(), null);

    /// <summary>A chunk of <paramref name="rows"/> rows at <paramref name="start"/> into a data set of 4 rows of which rows 0..1 arrived.</summary>
    private static BadInput Partial(string name, int start, int rows, string fragment, Action<double[]>? x = null, Action<double[]>? y = null) =>
        Partial(name, start, rows, [fragment], x, y);

    private static BadInput Partial(string name, int start, int rows, string first, string second, Action<double[]>? x = null, Action<double[]>? y = null) =>
        Partial(name, start, rows, [first, second], x, y);

    private static BadInput Partial(string name, int start, int rows, string[] fragments, Action<double[]>? x, Action<double[]>? y)
    {
        var data = BadInputWorld.GenderOneHot();
        var cx = Enumerable.Range(0, rows * 2).Select(i => data.X[(i + 4) % data.X.Length]).ToArray();
        var cy = Enumerable.Range(0, rows * 2).Select(i => data.Y[(i + 4) % data.Y.Length]).ToArray();
        x?.Invoke(cx);
        y?.Invoke(cy);
        return BadInput.Of<ArgumentException>(name, w => w.DataSet(w.Scratch("partial")).Append(new DataChunk(start, cx, cy)), fragments) with
        {
            Arrange = ArrangePartial,
            After = CompletePartial,
        };
    }

    /// <summary>Data set "partial": 4 rows announced, rows 0..1 uploaded.</summary>
    private static async Task ArrangePartial(BadInputWorld w)
    {
        var data = BadInputWorld.GenderOneHot();
        var set = w.DataSet(w.Scratch("partial"));
        await set.Begin(new DataSetHeader("gender", 4, 2, 2, ["weight", "height"], ["male", "female"]));
        await set.Append(new DataChunk(0, data.X[..4], data.Y[..4]));
    }

    /// <summary>The refused chunk left no trace: rows 2..3 still go in, and the data set is exactly the four people.</summary>
    private static async Task CompletePartial(BadInputWorld w)
    {
        var data = BadInputWorld.GenderOneHot();
        var set = w.DataSet(w.Scratch("partial"));
        await set.Append(new DataChunk(2, data.X[4..], data.Y[4..]));
        var all = await set.Read(0, 4);
        Assert.Equal(data.X, all.X.Value);
        Assert.Equal(data.Y, all.Y.Value);
    }
}
