using System.Diagnostics;

namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// Sends the caller's current span with every grain call, as a W3C traceparent in the RequestContext; with no
/// current span it removes a traceparent that this filter left from an earlier span of the same flow, so that an
/// untraced call (a batch the job does not sample) has no parent below it, but passes on one the current call
/// received: a silo relay, which has no span of its own, fans the caller's span out to its silo's neurons. Orleans' own propagation (AddActivityPropagation) does the same only
/// through its Microsoft.Orleans.Application spans, that is only when those are recorded too; with this filter the
/// NetOrleans spans connect whether or not Orleans' spans are switched on.
/// </summary>
public sealed class TraceContextFilter : IOutgoingGrainCallFilter
{
    /// <summary>The traceparent this filter put in the RequestContext of the current flow, from one of its own spans.</summary>
    private static readonly AsyncLocal<string?> SetHere = new();

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var sent = RequestContext.Get(TrainingTelemetry.TraceParentKey) as string;
        if (Activity.Current is { } current)
        {
            if (sent != current.Id)
            {
                RequestContext.Set(TrainingTelemetry.TraceParentKey, current.Id!);
                SetOrRemove(TrainingTelemetry.TraceStateKey, current.TraceStateString);
            }

            SetHere.Value = current.Id;
        }
        else if (sent is not null && sent == SetHere.Value)
        {
            RequestContext.Remove(TrainingTelemetry.TraceParentKey);
            RequestContext.Remove(TrainingTelemetry.TraceStateKey);
        }

        return context.Invoke();
    }

    private static void SetOrRemove(string key, string? value)
    {
        if (value is null)
        {
            RequestContext.Remove(key);
        }
        else
        {
            RequestContext.Set(key, value);
        }
    }
}
