namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>
/// A 2-input network's decision surface: its first output on a Size x Size grid over [XMin, XMax] x [YMin, YMax]
/// (row-major, y from YMin up), with the data set's points on it.
/// </summary>
public sealed record SurfaceView(
    string Network, string? DataSet, double XMin, double XMax, double YMin, double YMax, int Size, double[] Values, SurfacePoint[] Points, string[] FeatureNames);
