using System.Diagnostics;
using NetOrleans.Grains.Telemetry;
using OpenTelemetry;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// Tags every NetOrleans span a silo records with that silo (<see cref="TagNames.Silo"/>), so that a trace viewer
/// shows, on each neuron's row, which silo ran it: the spans of one trace come from every silo of the cluster.
/// </summary>
public sealed class SiloTagProcessor(string silo) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Source.Name == TrainingTelemetry.Name && data.IsAllDataRequested)
        {
            data.SetTag(TagNames.Silo, silo);
        }
    }
}
