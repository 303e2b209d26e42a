using System.Diagnostics;
using OpenTelemetry.Trace;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// A span is recorded when its parent is. A trace starts only at a NetOrleans span (a command of the client, a
/// job), never at one of Orleans' grain-call spans (kind Client or Server): calls made outside any trace, such as the
/// batches a job does not sample or a client's status polls, stay untraced when Orleans' spans are switched on.
/// </summary>
public sealed class TrainingSampler : Sampler
{
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default)
        {
            return parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? Record : Drop;
        }

        return samplingParameters.Kind == ActivityKind.Internal ? Record : Drop;
    }
}
