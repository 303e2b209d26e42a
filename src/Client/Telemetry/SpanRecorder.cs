using System.Collections.Concurrent;
using System.Diagnostics;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Client.Telemetry;

/// <summary>
/// Records, in this process and with no exporter, the NetOrleans spans of one trace: a root it starts and every span
/// below it, such as the neurons' spans of an embedded silo. It samples that trace only, whatever else is traced.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private string? _rootName;
    private ActivityTraceId _trace;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TrainingTelemetry.Name,
            Sample = Sample,
            ActivityStopped = span =>
            {
                if (span.TraceId == _trace)
                {
                    _spans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every span of the trace that has ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>Starts the root span of the trace to record; dispose it before reading <see cref="Spans"/>.</summary>
    public Activity StartRoot(string name)
    {
        _rootName = name;
        var root = TrainingTelemetry.Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext))
            ?? throw new InvalidOperationException($"span {name} was not started although a listener samples it");
        _rootName = null;
        _trace = root.TraceId;
        return root;
    }

    public void Dispose() => _listener.Dispose();

    private ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options)
    {
        var ours = (_rootName is not null && options.Name == _rootName) || (_trace != default && options.Parent.TraceId == _trace);
        return ours ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None;
    }
}
