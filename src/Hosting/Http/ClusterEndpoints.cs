using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Hosting.Http.Contracts;
using Orleans.Runtime;

namespace NetOrleans.Hosting.Http;

/// <summary>GET /api/cluster: the silos of the cluster and the neuron grains active on each, by network.</summary>
public static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder api, string? dashboard) =>
        api.MapGet("/cluster", (IGrainFactory grains) => Describe(grains, dashboard)).WithTags("cluster")
            .WithSummary("The silos (address, name, status) with their neuron grains by network, and how many networks and jobs the cluster holds.");

    private static async Task<ClusterView> Describe(IGrainFactory grains, string? dashboard)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var catalog = grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var statistics = await management.GetDetailedGrainStatistics(null, [.. hosts.Select(h => h.SiloAddress)]);
        var neurons = statistics
            .Where(IsNeuron)
            .Select(s => (Silo: s.SiloAddress.ToParsableString(), Network: NeuronKeys.Parse(s.GrainId.Key.ToString()!).Network))
            .ToLookup(n => n.Silo);
        var silos = hosts
            .OrderBy(h => h.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .Select(h =>
            {
                var address = h.SiloAddress.ToParsableString();
                var networks = neurons[address].GroupBy(n => n.Network).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
                return new SiloView(address, h.SiloName, h.Status.ToString(), networks.Values.Sum(), networks);
            })
            .ToArray();
        return new ClusterView(silos, (await catalog.Networks()).Length, (await catalog.Jobs()).Length, dashboard);
    }

    private static bool IsNeuron(DetailedGrainStatistic s) =>
        s.GrainType.Contains(nameof(INeuronGrain)[1..], StringComparison.Ordinal) && s.GrainId.Key.ToString()!.Count(c => c == '/') >= 2;
}
