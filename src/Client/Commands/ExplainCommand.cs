using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Client.Telemetry;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Client.Commands;

/// <summary>
/// `netorleans explain (--model F | --network ID) X1 X2 ... [--target Y]`: one sample through the network, neuron by
/// neuron, as the neurons' own spans tell it: z and a from every forward pass and, given a target, delta and the
/// gradient from every backward pass. It works on a copy of the network in a silo of its own process, whose spans it
/// records there: the network's weights never change.
/// </summary>
public static class ExplainCommand
{

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        var modelPath = args.Get("--model");
        var networkId = args.Get("--network");
        if ((modelPath is null) == (networkId is null))
        {
            throw new UsageException("explain: give either --model FILE or --network ID");
        }

        var x = InputRow.Parse(args.Positional, "explain: input");
        if (x.Length == 0)
        {
            throw new UsageException("explain: no inputs given (netorleans explain --model F X1 X2 ... [--target Y])");
        }

        if (modelPath is not null && args.Has("--gateway"))
        {
            throw new UsageException("explain: --gateway is for fetching --network; a --model is explained in this process");
        }

        var fromFile = modelPath is null ? null : ModelFile.Read(modelPath).Model;
        var telemetry = new TelemetrySettings { Propagation = true, ServiceName = CommandTelemetry.ServiceName };
        await using var local = await ClusterConnection.Open([], context.Info, telemetry, whyEmbedded:
            "the sample runs through a copy of the network in this process's own silo, where its neurons' spans can be read");
        var model = fromFile ?? await Export(networkId!, GatewayAddresses.Of(args), local, context);
        var spec = model.Spec;
        if (x.Length != spec.Inputs)
        {
            throw new UsageException($"explain: the network takes {spec.Inputs} inputs, got {x.Length}");
        }

        var y = args.Get("--target") is { } target ? Target(target, spec) : null;
        var copy = local.Grains.GetGrain<INetworkGrain>($"explain-{Guid.NewGuid().ToString("N")[..8]}");
        await copy.Create(model, new(), replace: false, history: []);
        using var recorder = new SpanRecorder();
        double? loss = null;
        using (recorder.StartRoot(SpanNames.CommandPrefix + "explain"))
        {
            RequestContext.Set(TrainingTelemetry.DetailKey, true);
            try
            {
                if (y is null)
                {
                    await copy.Predict(x);
                }
                else
                {
                    loss = await copy.TrainBatch(x, y);
                }
            }
            finally
            {
                RequestContext.Remove(TrainingTelemetry.DetailKey);
            }
        }

        ExplainTree.Write(context, spec, x, y, loss, recorder.Spans);
        return 0;
    }

    /// <summary>The network's model, from this process's silo or through the gateways.</summary>
    private static async Task<NetworkModel> Export(string id, IReadOnlyList<string> gateways, ClusterConnection local, CommandContext context)
    {
        if (gateways.Count == 0)
        {
            return await local.Grains.GetGrain<INetworkGrain>(id).Export();
        }

        await using var remote = await ClusterConnection.Open(gateways, context.Info);
        return await remote.Grains.GetGrain<INetworkGrain>(id).Export();
    }

    /// <summary>--target: k numbers "0,1,0", or a class name of a network with classes.</summary>
    private static double[] Target(string text, NetworkSpec spec)
    {
        if (spec.Classes is { } classes && classes.Count == spec.Outputs && classes.ToList().IndexOf(text) is var c and >= 0)
        {
            var oneHot = new double[spec.Outputs];
            oneHot[c] = 1;
            return oneHot;
        }

        var y = text.Split(',').Select(v => Arguments.Number(v.Trim(), "explain: --target value")).ToArray();
        return y.Length == spec.Outputs
            ? y
            : throw new UsageException($"explain: --target '{text}' has {y.Length} values but the network has {spec.Outputs} outputs");
    }
}
