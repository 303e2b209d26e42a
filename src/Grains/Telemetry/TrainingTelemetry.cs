using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// NetOrleans's one ActivitySource and one Meter, both named <see cref="Name"/>. Grain spans are only ever children
/// of a recorded span of their caller: with nothing listening (tracing off) starting one costs a single check and
/// no object, and an untraced call (a batch the job does not sample) makes no spans below it.
/// </summary>
public static class TrainingTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter.</summary>
    public const string Name = "NetOrleans.Training";

    /// <summary>The W3C trace context of the caller's span, as <see cref="TraceContextFilter"/> puts it in the RequestContext.</summary>
    public const string TraceParentKey = "traceparent";

    /// <summary>The W3C trace state that goes with <see cref="TraceParentKey"/>.</summary>
    public const string TraceStateKey = "tracestate";

    /// <summary>
    /// The RequestContext key by which a caller (netorleans explain) asks the neurons below it to put z, a, delta and
    /// the gradient on their spans.
    /// </summary>
    public const string DetailKey = "netorleans.detail";

    /// <summary>The spans of jobs, networks and neurons.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The instruments of <see cref="TrainingMetrics"/>.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>True when the current call asked for z, a, delta and the gradient on the neurons' spans.</summary>
    public static bool DetailRequested => RequestContext.Get(DetailKey) is true;

    /// <summary>
    /// Starts a span under the current call's span; null when nothing listens, when the call has no span
    /// (an untraced call) or when its span is not recorded.
    /// </summary>
    public static Activity? StartChild(string name)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = CallerContext();
        return parent == default ? null : Source.StartActivity(name, ActivityKind.Internal, parent);
    }

    /// <summary>
    /// The span context of the current call: <see cref="Activity.Current"/> when a span is current (Orleans' own
    /// grain-call span, when those are switched on), otherwise the traceparent the caller sent; default when neither.
    /// </summary>
    public static ActivityContext CallerContext()
    {
        if (Activity.Current is { } current)
        {
            return current.Context;
        }

        return RequestContext.Get(TraceParentKey) is string traceParent
            && ActivityContext.TryParse(traceParent, RequestContext.Get(TraceStateKey) as string, isRemote: true, out var context)
            ? context
            : default;
    }
}
