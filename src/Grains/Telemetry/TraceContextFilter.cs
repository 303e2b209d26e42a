using System.Diagnostics;

namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// Sends the caller's current span with every grain call, as a W3C traceparent in the RequestContext; with no
/// current span it removes any traceparent left from an earlier call, so that an untraced call (a batch the job
/// does not sample) has no parent below it; a grain that <see cref="ICarriesCallerTrace"/> (a silo relay, with no span
/// of its own) passes on the traceparent its own caller sent, so that the neurons it fans out to join that trace. Orleans' own propagation (AddActivityPropagation) does the same only
/// through its Microsoft.Orleans.Application spans, that is only when those are recorded too; with this filter the
/// NetOrleans spans connect whether or not Orleans' spans are switched on.
/// </summary>
public sealed class TraceContextFilter : IOutgoingGrainCallFilter
{
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
        }
        else if (sent is not null && context.SourceContext?.GrainInstance is not ICarriesCallerTrace)
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
