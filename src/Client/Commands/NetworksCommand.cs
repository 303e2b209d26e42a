using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>`netorleans networks [show ID | create ID --layers .. | export ID FILE | import FILE [--network ID] | delete ID | checkpoint ID]`.</summary>
public static class NetworksCommand
{

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        var p = args.Positional;
        var verb = p.Count == 0 ? "list" : p[0];
        var expected = verb switch
        {
            "list" => 1,
            "show" or "create" or "delete" or "checkpoint" or "import" => 2,
            "export" => 3,
            _ => throw new UsageException($"networks: unknown subcommand '{verb}' (list, show, create, export, import, delete, checkpoint)"),
        };
        if (p.Count != expected && !(verb == "list" && p.Count == 0))
        {
            throw new UsageException($"networks {verb}: expected {expected - 1} argument(s), got {Math.Max(0, p.Count - 1)}");
        }

        var imported = verb == "import" ? ModelFile.Read(p[1]) : null;
        var seeded = verb == "create" ? Seeded(args) : null;
        // Only `create` makes sense on a silo of this process's own (to see whether a network fits, and how long it takes).
        var gateways = verb == "create" ? GatewayAddresses.Of(args) : GatewayAddresses.Required(args, "networks");
        await using var cluster = await ClusterConnection.Open(gateways, context.Info);
        var grains = cluster.Grains;
        switch (verb)
        {
            case "list":
                await List(grains, context);
                break;
            case "show":
                await Show(grains.GetGrain<INetworkGrain>(p[1]), args.Int("--top", 3, 1, 1000), context);
                break;
            case "export":
                var exported = grains.GetGrain<INetworkGrain>(p[1]);
                var model = await exported.Export();
                ModelFile.Write(p[2], model, (await exported.Describe()).History);
                context.Out.WriteLine($"network {p[1]} written to {p[2]}");
                break;
            case "create":
                var created = await NetworkCreator.Create(grains, p[1], seeded!, new(), context);
                var size = NetworkSize.Of(seeded!.Spec);
                context.Out.WriteLine($"network {p[1]} created: {Shape(created)}, {size.Parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters in {size.Neurons.ToString("N0", CultureInfo.InvariantCulture)} neurons");
                break;
            case "import":
                var newId = args.Get("--network") ?? Path.GetFileNameWithoutExtension(p[1]);
                var made = await grains.GetGrain<INetworkGrain>(newId).Create(imported!.Model, new(), replace: false, imported.History);
                context.Out.WriteLine($"network {newId} imported from {p[1]}{(made.History.Length == 0 ? "" : $" with its history of {Plural.Of(made.History.Length, "epoch")}")}");
                break;
            case "delete":
                await grains.GetGrain<INetworkGrain>(p[1]).Delete();
                context.Out.WriteLine($"network {p[1]} deleted");
                break;
            case "checkpoint":
                await grains.GetGrain<INetworkGrain>(p[1]).Checkpoint();
                context.Out.WriteLine($"network {p[1]} checkpointed");
                break;
        }

        return 0;
    }

    /// <summary>`networks list`: a table of the cluster's networks, their shape, steps, epochs and last training loss.</summary>
    private static async Task List(IGrainFactory grains, CommandContext context)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var id in await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Networks())
        {
            var s = await grains.GetGrain<INetworkGrain>(id).Describe();
            var loss = s.History.Length == 0 ? "untrained" : s.History[^1].TrainLoss.ToString("G6", CultureInfo.InvariantCulture);
            rows.Add([id, Shape(s), s.Steps.ToString(CultureInfo.InvariantCulture), s.History.Length.ToString(CultureInfo.InvariantCulture), loss]);
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine("no networks in the cluster");
            return;
        }

        TextTable.Write(context.Out, ["NETWORK", "SHAPE", "STEPS", "EPOCHS", "LOSS"], rows);
    }

    /// <summary>`networks create`'s model: --layers (required), --activation (sigmoid), --output (the activation), --loss, drawn from --seed (1).</summary>
    private static InitialModel Seeded(Arguments args)
    {
        var sizes = StartingModel.Sizes(args.Get("--layers") ?? throw new UsageException("networks create: --layers is required (e.g. --layers 784,256,10)"));
        var hidden = args.Get("--activation") ?? "sigmoid";
        var output = args.Get("--output") ?? hidden;
        var loss = args.Get("--loss") ?? (output == "softmax" ? "cross-entropy" : "mse");
        try
        {
            var spec = NetworkSpec.Create(sizes, hidden, output, loss);
            spec.Validate();
            return InitialModel.Seeded(spec, args.Int("--seed", 1, 0));
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--layers: {e.Message}");
        }
    }

    /// <summary>"784,128,10 relu/softmax mse".</summary>
    public static string Shape(NetworkSummary s) =>
        $"{s.Inputs}," + string.Join(",", s.Layers.Select(l => l.Size)) + " " + string.Join("/", s.Layers.Select(l => l.Activation.Name()).Distinct()) + " " + s.Loss.Name();

    private static async Task Show(INetworkGrain network, int top, CommandContext context)
    {
        var s = await network.Describe();
        var model = await network.Export();
        context.Out.WriteLine($"network {s.Id}: {Shape(s)}, optimizer {s.Optimizer.Kind.Name()} lr {s.Optimizer.LearningRate.ToString(CultureInfo.InvariantCulture)}, {Plural.Of(s.Steps, "step")}, {Plural.Of(s.History.Length, "epoch")}");
        if (s.Classes is { } classes)
        {
            context.Out.WriteLine($"classes: {string.Join(", ", classes)}");
        }

        for (var l = 0; l < model.Theta.Length; l++)
        {
            context.Out.WriteLine($"layer {l + 1}: {s.Layers[l].Size} {s.Layers[l].Activation.Name()} {(s.Layers[l].Size == 1 ? "neuron" : "neurons")}, {Plural.Of(model.Theta[l][0].Length - 1, "input")} each");
            for (var j = 0; j < model.Theta[l].Length; j++)
            {
                var t = model.Theta[l][j];
                var w = t[..^1];
                var norm = Math.Sqrt(w.Sum(v => v * v));
                var largest = w.Select((v, i) => (v, i)).OrderByDescending(e => Math.Abs(e.v)).Take(top)
                    .Select(e => $"w[{e.i}]={e.v.ToString("G4", CultureInfo.InvariantCulture)}");
                context.Out.WriteLine($"  {NeuronKeys.Of(s.Id, l + 1, j)}  bias {t[^1].ToString("G6", CultureInfo.InvariantCulture)}  |w| {norm.ToString("G6", CultureInfo.InvariantCulture)}  largest {string.Join(" ", largest)}");
            }
        }
    }
}
