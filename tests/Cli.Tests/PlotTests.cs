using System.Xml.Linq;

namespace NetOrleans.Cli.Tests;

/// <summary>`train --plot FILE`: SVG for .svg, PNG for .png, and any other extension refused before training.</summary>
public sealed class PlotTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Svg_is_an_svg_document()
    {
        var path = _temp.File("curves.svg");
        var result = await InProcessCli.Run("train", "--data", "gender", "--epochs", "3", "--plot", path);
        Expect.Success(result);
        var root = XDocument.Load(path).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        Assert.Contains("gender", root.Value, StringComparison.Ordinal);
        Assert.Contains($"plot written to {path}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Png_has_the_png_signature()
    {
        var path = _temp.File("curves.PNG");
        Expect.Success(await InProcessCli.Run("train", "--data", "gender", "--epochs", "3", "--plot", path));
        Assert.Equal(PngSignature, File.ReadAllBytes(path).Take(PngSignature.Length).ToArray());
    }

    [Theory]
    [InlineData("curves.jpg")]
    [InlineData("curves")]
    public async Task Another_extension_is_refused_in_one_line_before_training(string file)
    {
        var path = _temp.File(file);
        var result = await InProcessCli.Run("train", "--data", "gender", "--epochs", "3", "--plot", path);
        Expect.OneError(result, "--plot", path, ".svg or .png");
        Assert.DoesNotContain("epoch", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(path), $"{path} was written");
    }
}
