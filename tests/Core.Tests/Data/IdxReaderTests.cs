using System.IO.Compression;
using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netorleans-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_images_and_labels_plain_or_gzipped(bool gzip)
    {
        var images = Write("images", gzip, Idx(0x803, [3, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4, 255, 255, 0, 0]));
        var labels = Write("labels", gzip, Idx(0x801, [3], [7, 0, 9]));

        var data = IdxReader.ReadDataSet(images, labels, "tiny");

        Assert.Equal("tiny", data.Name);
        Assert.Equal(3, data.Count);
        Assert.Equal(4, data.Features);
        Assert.Equal(["p0", "p1", "p2", "p3"], data.FeatureNames);
        Assert.Equal([0.0, 1.0, 0.2, 0.4], data.Row(0).ToArray());
        Assert.Equal(10, data.Targets);
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString()), data.Classes!);
        Assert.Equal(7, data.Target(0).IndexOf(1.0));
        Assert.Equal(0, data.Target(1).IndexOf(1.0));
        Assert.Equal(9, data.Target(2).IndexOf(1.0));
        Assert.Equal(3.0, data.Y.Sum());
    }

    [Fact]
    public void Bad_magic_names_the_file_and_both_numbers()
    {
        var path = Write("labels-as-images", false, Idx(0x801, [2], [1, 2]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("0x00000801", e.Message);
        Assert.Contains("expected 0x00000803", e.Message);
    }

    [Fact]
    public void Truncated_image_data_says_how_much_was_expected_and_found()
    {
        var path = Write("short", true, Idx(0x803, [2, 2, 2], [1, 2, 3, 4, 5]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"{path}: truncated: expected 8 bytes of image data, found 5", e.Message);
    }

    [Fact]
    public void Cut_gzip_file_is_an_error()
    {
        var whole = File.ReadAllBytes(Write("whole", true, Idx(0x803, [4, 8, 8], Enumerable.Range(0, 256).Select(i => (byte)(i * 37)).ToArray())));
        var path = Write("cut", false, whole[..(whole.Length / 2)]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path + ":", e.Message);
    }

    [Fact]
    public void Truncated_header_is_an_error()
    {
        var path = Write("header", false, [0, 0, 8, 3, 0, 0]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path + ": truncated", e.Message);
    }

    [Fact]
    public void Label_count_must_match_image_count()
    {
        var images = Write("images", false, Idx(0x803, [2, 1, 1], [1, 2]));
        var labels = Write("labels", false, Idx(0x801, [3], [1, 2, 3]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadDataSet(images, labels));

        Assert.Contains(labels, e.Message);
        Assert.Contains("3 labels", e.Message);
        Assert.Contains("2 images", e.Message);
    }

    [Fact]
    public void Trailing_bytes_are_an_error()
    {
        var path = Write("long", false, Idx(0x801, [2], [1, 2, 3]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path));

        Assert.StartsWith(path + ": unexpected bytes", e.Message);
    }

    [Fact]
    public void Garbage_is_an_error()
    {
        var text = Write("text", false, "hello, this is not an IDX file"u8.ToArray());
        var badGzip = Write("bad-gzip", false, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        Assert.StartsWith(text + ": not an IDX1 label file", Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(text)).Message);
        Assert.StartsWith(badGzip + ":", Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(badGzip)).Message);
    }

    [Fact]
    public void Missing_file_is_an_error()
    {
        var path = Path.Combine(_dir, "absent");

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path));

        Assert.StartsWith(path + ": cannot read", e.Message);
    }

    private static byte[] Idx(int magic, int[] dims, byte[] body)
    {
        var bytes = new List<byte>();
        foreach (var v in new[] { magic }.Concat(dims))
        {
            bytes.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        }

        bytes.AddRange(body);
        return [.. bytes];
    }

    private string Write(string name, bool gzip, byte[] bytes)
    {
        var path = Path.Combine(_dir, name + (gzip ? ".gz" : ""));
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return path;
        }

        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Optimal);
        zip.Write(bytes);
        return path;
    }
}
