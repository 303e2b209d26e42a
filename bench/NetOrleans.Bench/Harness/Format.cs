using System.Globalization;

namespace NetOrleans.Bench.Harness;

/// <summary>Numbers for the table: three significant digits in a readable unit.</summary>
public static class Format
{
    public static string Seconds(double s) => Math.Abs(s) switch
    {
        < 1e-6 => $"{Number(s * 1e9)} ns",
        < 1e-3 => $"{Number(s * 1e6)} us",
        < 1 => $"{Number(s * 1e3)} ms",
        _ => $"{Number(s)} s",
    };

    public static string Bytes(double b) => Math.Abs(b) switch
    {
        < 10_000 => $"{Number(b)} B",
        < 10_000_000 => $"{Number(b / 1024)} KB",
        _ => $"{Number(b / (1024 * 1024))} MB",
    };

    public static string Value(double v, Unit unit) => double.IsNaN(v) ? "skipped" : unit switch
    {
        Unit.Seconds => Seconds(v),
        Unit.Bytes => Bytes(v),
        _ => Number(v),
    };

    public static string Number(double v) => Math.Abs(v) switch
    {
        >= 100 => v.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => v.ToString("F1", CultureInfo.InvariantCulture),
        _ => v.ToString("F2", CultureInfo.InvariantCulture),
    };
}
