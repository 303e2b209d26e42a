using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetOrleans.Core.Activations;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting.Http.Contracts;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Hosting.Http;

/// <summary>/api/networks/{id}/neurons and /graph: what each neuron grain holds and where it lives.</summary>
public static class NeuronEndpoints
{
    /// <summary>Fan-ins up to this are drawn whole; above it only the strongest edges of each neuron.</summary>
    public const int AllEdgesUpTo = 16;

    public static void Map(IEndpointRouteBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("neurons");
        networks.MapGet("/{id}/neurons/{layer:int}/{index:int}", Neuron)
            .WithSummary("Neuron index (0-based) of layer (1-based): weights, bias, optimizer state, hosting silo, calls, last activations, recent spans.");
        networks.MapGet("/{id}/graph", Graph)
            .WithSummary("Every neuron with its silo and strongest incoming edges (edges: how many per neuron, default 8).");
    }

    private static async Task<NeuronView> Neuron(IGrainFactory grains, RecentSpans spans, string id, int layer, int index)
    {
        var summary = await NetworkEndpoints.Describe(grains, id);
        if (layer < 1 || layer > summary.Layers.Count)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, $"layer: network '{id}' has layers 1 to {summary.Layers.Count}, not {layer}");
        }

        if (index < 0 || index >= summary.Layers[layer - 1].Size)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, $"index: layer {layer} of network '{id}' has neurons 0 to {summary.Layers[layer - 1].Size - 1}, not {index}");
        }

        var key = NeuronKeys.Of(id, layer, index);
        var n = await grains.GetGrain<INeuronGrain>(key).Inspect();
        return new NeuronView(
            id, layer, index, n.Activation.Name(), n.Theta[..^1], n.Theta[^1], n.Steps, OptimizerView.Of(n.Optimizer),
            n.MomentNorms?[0], n.MomentNorms?[1], n.Silo, n.Calls, n.LastActivations, spans.Of(key));
    }

    private static async Task<GraphView> Graph(IGrainFactory grains, string id, int? edges)
    {
        var perNeuron = edges ?? 8;
        if (perNeuron is < 0 or > 1000)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"edges: must be 0 to 1000 per neuron, got {perNeuron}");
        }

        var summary = await NetworkEndpoints.Describe(grains, id);
        var keys = summary.Layers.SelectMany((l, i) => Enumerable.Range(0, l.Size).Select(j => (Layer: i + 1, Index: j))).ToArray();
        var inspected = await Task.WhenAll(keys.Select(k => grains.GetGrain<INeuronGrain>(NeuronKeys.Of(id, k.Layer, k.Index)).Inspect()));
        var neurons = keys.Zip(inspected, (k, n) => Node(k.Layer, k.Index, n, perNeuron)).ToArray();
        var silos = neurons.Select(n => n.Silo).Distinct().Order(StringComparer.Ordinal).ToArray();
        return new GraphView(id, [summary.Inputs, .. summary.Layers.Select(l => l.Size)], silos, neurons, perNeuron);
    }

    /// <summary>A neuron's node: every edge when its fan-in is small, else its <paramref name="strongest"/> largest |w|.</summary>
    private static GraphNeuron Node(int layer, int index, NeuronInspection n, int strongest)
    {
        var fanIn = n.Theta.Length - 1;
        var keep = fanIn <= AllEdgesUpTo ? fanIn : Math.Min(strongest, fanIn);
        var edges = Enumerable.Range(0, fanIn)
            .OrderByDescending(j => Math.Abs(n.Theta[j]))
            .Take(keep)
            .OrderBy(j => j)
            .Select(j => new GraphEdge(j, n.Theta[j]))
            .ToArray();
        return new GraphNeuron(layer, index, n.Silo, n.Theta[^1], edges, fanIn - edges.Length);
    }
}
