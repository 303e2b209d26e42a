using System.Collections.Concurrent;
using System.Diagnostics;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Telemetry;
using NetOrleans.Hosting.Http.Contracts;
using OpenTelemetry;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// The last spans of every neuron active on this silo, for a neuron's page: a span processor that keeps the newest
/// <see cref="PerNeuron"/> per neuron key while the silo traces; it keeps nothing when tracing is off.
/// </summary>
public sealed class RecentSpans : BaseProcessor<Activity>
{
    /// <summary>How many spans are kept per neuron.</summary>
    public const int PerNeuron = 20;

    /// <summary>Neurons beyond this many are not followed (a bound on the memory this takes).</summary>
    public const int MaxNeurons = 200_000;

    private readonly ConcurrentDictionary<string, Queue<SpanView>> _byNeuron = new(StringComparer.Ordinal);

    public override void OnEnd(Activity span)
    {
        if (span.GetTagItem(TagNames.NetworkId) is not string network || span.GetTagItem(TagNames.Neuron) is not { } index
            || span.GetTagItem(TagNames.Layer) is not { } layer)
        {
            return;
        }

        var key = NeuronKeys.Of(network, Convert.ToInt32(layer), Convert.ToInt32(index));
        if (!_byNeuron.TryGetValue(key, out var queue))
        {
            if (_byNeuron.Count >= MaxNeurons)
            {
                return;
            }

            queue = _byNeuron.GetOrAdd(key, _ => new Queue<SpanView>());
        }

        var batch = span.GetTagItem(TagNames.BatchSize) is { } b ? Convert.ToInt32(b) : (int?)null;
        var view = new SpanView(span.DisplayName, span.StartTimeUtc, span.Duration.TotalMilliseconds, span.TraceId.ToHexString(), batch);
        lock (queue)
        {
            queue.Enqueue(view);
            while (queue.Count > PerNeuron)
            {
                queue.Dequeue();
            }
        }
    }

    /// <summary>The neuron's spans kept here, newest first; empty when it made none on this silo or tracing is off.</summary>
    public IReadOnlyList<SpanView> Of(string neuronKey)
    {
        if (!_byNeuron.TryGetValue(neuronKey, out var queue))
        {
            return [];
        }

        lock (queue)
        {
            return [.. queue.Reverse()];
        }
    }
}
