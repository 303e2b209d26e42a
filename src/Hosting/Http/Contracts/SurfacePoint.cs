namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>A sample (x1, x2) and its first target.</summary>
public sealed record SurfacePoint(double X, double Y, double Target);
