using System.Globalization;
using Microsoft.Extensions.Options;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using Orleans.Runtime;

namespace NetOrleans.Grains.Sizes;

/// <summary>
/// The memory budget of new networks: the silo's memory-budget when set, otherwise a share of the memory every
/// active silo has available for allocations (Orleans' runtime statistics: the GC's limit less what the process uses).
/// </summary>
[StatelessWorker]
public sealed class ClusterMemoryGrain(IOptions<MemoryBudgetOptions> options) : Grain, IClusterMemoryGrain
{
    public async Task<MemoryBudget> Budget()
    {
        var o = options.Value;
        if (o.Bytes is { } bytes)
        {
            return new MemoryBudget(bytes, $"memory-budget {NetworkSize.Format(bytes)} set on the silo");
        }

        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        var statistics = await management.GetRuntimeStatistics(silos);
        var available = statistics.Sum(s => s.EnvironmentStatistics.FilteredAvailableMemoryBytes);
        var share = o.Fraction == MemoryBudgetOptions.DefaultFraction ? "half" : o.Fraction.ToString("P0", CultureInfo.InvariantCulture);
        return new MemoryBudget(
            (long)(available * o.Fraction),
            $"{share} of the {NetworkSize.Format(available)} its {silos.Length} silo{(silos.Length == 1 ? " has" : "s have")} available; memory-budget on the silo sets another");
    }
}
