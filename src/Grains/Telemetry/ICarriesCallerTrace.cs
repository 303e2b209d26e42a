namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// Marks a grain that has no span of its own and whose calls continue its caller's span: the silo relay, which fans
/// a layer's call out to its silo's neurons. <see cref="TraceContextFilter"/> keeps the caller's traceparent on them.
/// </summary>
public interface ICarriesCallerTrace;
