using System.Buffers.Binary;
using System.IO.Compression;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// Bad model, CSV and IDX files, read as the CLI reads them (<see cref="ModelFile.Read"/>, <see cref="CsvReader.Read"/>,
/// <see cref="IdxReader.ReadDataSet"/>): the reader refuses them, naming the file and the problem, before any grain is reached.
/// </summary>
public static class FileBadInputs
{
    private static readonly string ValidModel = ModelFile.ToJson(BadInputWorld.SmallModel(), []);

    public static IEnumerable<BadInput> Rows() =>
    [
        Model("a model file cut in half", ValidModel[..(ValidModel.Length / 2)], "model.json: not a valid model file at line"),
        Model("a model file of garbage text", "this is not JSON at all", "model.json: not a valid model file"),
        Model("an empty model file", "", "model.json: not a valid model file"),
        Model("a model file holding null", "null", "model.json: empty model file"),
        Model("a model file of binary garbage", Binary(200, seed: 1), "model.json: not a valid model file"),
        Model("a model file with a NaN weight", ValidModel.Replace("\"bias\": 0", "\"bias\": NaN", StringComparison.Ordinal), "model.json: not a valid model file"),
        Model("a model file with a weight of 1e999", ValidModel.Replace("\"bias\": 0", "\"bias\": 1e999", StringComparison.Ordinal), "model.json: layer 1 neuron 0 has a weight or bias that is not a finite number"),
        Model("a model file with a layer of no neurons", """{ "inputs": 2, "layers": [ { "activation": "sigmoid", "neurons": [] } ] }""", "model.json: layer 1 must have between 1 and 100000 neurons, got 0"),
        Model("a model file of an unknown format", ValidModel.Replace("netorleans.model/1", "netorleans.model/9", StringComparison.Ordinal), "unsupported format 'netorleans.model/9'"),
        BadInput.OfFile<ModelFormatException>("a model file that is not there", w => ModelFile.Read(w.File("x", "") + ".missing"), ".missing: cannot read the model file"),

        Csv("an empty CSV file", "", "data.csv: empty data set (no header row)"),
        Csv("a CSV file with a header and no rows", "weight,height,gender\n", "data.csv: empty data set (a header and no samples)"),
        Csv("a CSV file cut in the middle of a row", "weight,height,gender\n128,63,1\n15", "data.csv:3: expected 3 columns, found 1"),
        Csv("a CSV file with NaN in a feature", "weight,height,gender\n128,NaN,1\n", "data.csv:2: column 'height' has 'NaN', which is not a finite number"),
        Csv("a CSV file with an infinite target", "weight,height,gender\n128,63,1\n155,68,Infinity\n", "data.csv:3: target 'gender' is Infinity, not a finite number"),
        Csv("a CSV file of one column", "weight\n128\n", "data.csv:1: need at least one feature column and a target column"),
        Csv("a PNG file read as CSV", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", "data.csv:1: need at least one feature column"),
        BadInput.OfFile<DataFormatException>("a CSV file without the label column asked for", w => CsvReader.Read(w.File("data.csv", "weight,height,gender\n128,63,1\n"), "species"), "no column named 'species'"),

        Idx("IDX images cut short in the pixels", Images(2, 2, 2)[..(16 + 5)], Labels(2), "images: truncated: expected 8 bytes of image data, found 5"),
        Idx("IDX images cut short in the header", Images(2, 2, 2)[..6], Labels(2), "images: truncated: expected 12 bytes of dimensions after the magic number, found 2"),
        Idx("IDX images of garbage text", "hello world, not idx"u8.ToArray(), Labels(2), "images: not an IDX3 image file: magic number 0x68656c6c"),
        Idx("an IDX label file given as the images", Labels(2), Labels(2), "images: not an IDX3 image file", "this is an IDX1 label file"),
        Idx("IDX images whose header claims 2^31 - 1 images of 255 x 255", Header(int.MaxValue, 255, 255), Labels(2), "images: the header claims", "more than can be loaded"),
        Idx("IDX images with a negative dimension", Header(-1, 2, 2), Labels(2), "images: dimension 1 is -1, which is negative"),
        Idx("IDX images of gzip garbage", [0x1f, 0x8b, .. Binary(64, seed: 2)], Labels(2), "images: not valid gzip data"),
        Idx("IDX files of 0 images", Images(0, 2, 2), Labels(0), "images: empty data set (the file holds no images)"),
        Idx("IDX labels for 3 images with 2 images", Images(2, 2, 2), Labels(3), "labels: 3 labels, but", "has 2 images"),
        Idx("IDX labels gzipped and cut short", Images(2, 2, 2), Gzip(Labels(2))[..12], "labels: truncated: expected a 4-byte IDX magic number"),
    ];

    private static BadInput Model(string name, string json, params string[] fragments) =>
        BadInput.OfFile<ModelFormatException>(name, w => ModelFile.Read(w.File("model.json", json)), fragments);

    private static BadInput Model(string name, byte[] bytes, params string[] fragments) =>
        BadInput.OfFile<ModelFormatException>(name, w => ModelFile.Read(w.File("model.json", bytes)), fragments);

    private static BadInput Csv(string name, string text, params string[] fragments) =>
        BadInput.OfFile<DataFormatException>(name, w => CsvReader.Read(w.File("data.csv", text)), fragments);

    private static BadInput Idx(string name, byte[] images, byte[] labels, params string[] fragments) =>
        BadInput.OfFile<DataFormatException>(name, w => IdxReader.ReadDataSet(w.File("images", images), w.File("labels", labels)), fragments);

    /// <summary>An IDX3 header: magic, N, rows, cols.</summary>
    private static byte[] Header(int count, int rows, int columns)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        return bytes;
    }

    private static byte[] Images(int count, int rows, int columns) =>
        [.. Header(count, rows, columns), .. Enumerable.Range(0, count * rows * columns).Select(i => (byte)(i * 37))];

    private static byte[] Labels(int count)
    {
        var bytes = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, IdxReader.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            bytes[8 + i] = (byte)(i % 10);
        }

        return bytes;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    private static byte[] Binary(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
