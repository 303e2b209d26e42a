using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace NetOrleans.Core.Data;

/// <summary>
/// Reads IDX files (the MNIST format), plain or gzip-compressed (told apart by the gzip magic 1f 8b):
/// IDX3 images (magic 0x00000803, then N, rows, cols, then N x rows x cols unsigned bytes) and
/// IDX1 labels (magic 0x00000801, then N, then N unsigned bytes). Header numbers are big-endian 32-bit.
/// Every problem is a <see cref="DataFormatException"/> whose message names the file.
/// </summary>
public static class IdxReader
{
    /// <summary>The magic number of an IDX3 unsigned-byte file (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an IDX1 unsigned-byte file (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    private const int FirstChunk = 1 << 20;

    private static readonly double[] PixelValues = Enumerable.Range(0, 256).Select(b => b / 255.0).ToArray();

    /// <summary>
    /// Reads an image file and a label file into a data set: X is N x (rows * cols) pixels in [0, 1], Y is
    /// N x k one-hot, classes "0", "1", .. in label order (k = 10 for digits), features "p0" .. "p{rows*cols-1}".
    /// </summary>
    public static DataSet ReadDataSet(string imagesPath, string labelsPath, string? name = null)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != images.Count)
        {
            throw new DataFormatException($"{labelsPath}: {labels.Length} labels, but {imagesPath} has {images.Count} images; the counts must match");
        }

        if (images.Count == 0)
        {
            throw new DataFormatException($"{imagesPath}: empty data set (the file holds no images)");
        }

        if (images.PixelsPerImage == 0)
        {
            throw new DataFormatException($"{imagesPath}: images of {images.Rows} x {images.Columns} pixels hold no pixels");
        }

        var k = Math.Max(10, labels.Max() + 1);
        var y = new double[labels.Length * k];
        for (var r = 0; r < labels.Length; r++)
        {
            y[r * k + labels[r]] = 1.0;
        }

        var classes = Enumerable.Range(0, k).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var features = Enumerable.Range(0, images.PixelsPerImage).Select(p => "p" + p.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new DataSet(name ?? imagesPath, images.Pixels, y, images.PixelsPerImage, k, features, classes);
    }

    /// <summary>Reads an IDX3 image file: N x rows x cols bytes, scaled to [0, 1] as value / 255.</summary>
    public static IdxImages ReadImages(string path) => Read(path, stream =>
    {
        var dims = ReadHeader(stream, path, ImagesMagic, "an IDX3 image");
        var size = (long)dims[0] * dims[1] * dims[2];
        var bytes = ReadBody(stream, path, size, "image");
        var pixels = new double[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            pixels[i] = PixelValues[bytes[i]];
        }

        return new IdxImages(dims[0], dims[1], dims[2], pixels);
    });

    /// <summary>Reads an IDX1 label file: N unsigned bytes.</summary>
    public static byte[] ReadLabels(string path) => Read(path, stream =>
    {
        var dims = ReadHeader(stream, path, LabelsMagic, "an IDX1 label");
        return ReadBody(stream, path, dims[0], "label");
    });

    private static T Read<T>(string path, Func<Stream, T> parse)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            return parse(stream);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException($"{path}: not valid gzip data ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"{path}: cannot read the data file ({e.Message})");
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>Checks the magic number and returns the header's dimensions (1 for labels, 3 for images).</summary>
    private static int[] ReadHeader(Stream stream, string path, int expectedMagic, string kind)
    {
        var magicBytes = new byte[4];
        var n = stream.ReadAtLeast(magicBytes, 4, throwOnEndOfStream: false);
        if (n < 4)
        {
            throw new DataFormatException($"{path}: truncated: expected a 4-byte IDX magic number, found {n} bytes");
        }

        var magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        if (magic != expectedMagic)
        {
            var hint = magic switch
            {
                ImagesMagic => " (this is an IDX3 image file)",
                LabelsMagic => " (this is an IDX1 label file)",
                _ => "",
            };
            throw new DataFormatException($"{path}: not {kind} file: magic number 0x{magic:x8}, expected 0x{expectedMagic:x8}{hint}");
        }

        var count = expectedMagic & 0xff;
        var header = new byte[4 * count];
        n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (n < header.Length)
        {
            throw new DataFormatException($"{path}: truncated: expected {header.Length} bytes of dimensions after the magic number, found {n}");
        }

        var dims = new int[count];
        for (var d = 0; d < count; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * d));
            if (dims[d] < 0)
            {
                throw new DataFormatException($"{path}: dimension {d + 1} is {dims[d]}, which is negative");
            }
        }

        return dims;
    }

    /// <summary>Reads exactly <paramref name="size"/> bytes and checks that nothing follows them.</summary>
    private static byte[] ReadBody(Stream stream, string path, long size, string what)
    {
        if (size > Array.MaxLength)
        {
            throw new DataFormatException($"{path}: the header claims {size} bytes of {what} data, more than can be loaded");
        }

        var buffer = new byte[Math.Min(size, FirstChunk)];
        var filled = 0;
        while (filled < size)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(size, 2L * buffer.Length));
            }

            var n = stream.Read(buffer, filled, buffer.Length - filled);
            if (n == 0)
            {
                throw new DataFormatException($"{path}: truncated: expected {size} bytes of {what} data, found {filled}");
            }

            filled += n;
        }

        if (stream.ReadByte() >= 0)
        {
            throw new DataFormatException($"{path}: unexpected bytes after the {size} bytes of {what} data that the header announces");
        }

        return buffer;
    }
}
