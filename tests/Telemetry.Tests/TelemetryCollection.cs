namespace NetOrleans.Telemetry.Tests;

/// <summary>
/// Every telemetry test, one at a time on one <see cref="TelemetryFixture"/>: the metrics they read are the process's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}
