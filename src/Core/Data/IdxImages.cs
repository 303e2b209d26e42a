namespace NetOrleans.Core.Data;

/// <summary>The images of an IDX3 file: N images of rows x cols pixels, scaled to [0, 1] as byte / 255.</summary>
/// <param name="Count">N, the number of images</param>
/// <param name="Rows">pixel rows per image</param>
/// <param name="Columns">pixel columns per image</param>
/// <param name="Pixels">N x (rows * cols), row-major, each image row-major</param>
public sealed record IdxImages(int Count, int Rows, int Columns, double[] Pixels)
{
    /// <summary>rows * cols, the pixels of one image.</summary>
    public int PixelsPerImage => Rows * Columns;
}
