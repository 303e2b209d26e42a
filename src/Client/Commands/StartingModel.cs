using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;

namespace NetOrleans.Client.Commands;

/// <summary>
/// The network `netorleans train` starts from (--model, or --layers with --activation, --output, --loss, --scale and
/// --seed), checked against the data: its widths, and a first forward pass that must not overflow.
/// </summary>
public static class StartingModel
{
    /// <summary>
    /// The model to start from: --model, or --layers (by default n,2,k) initialised from --seed by the network itself
    /// (a seeded model: no parameters are made here, however large the network).
    /// </summary>
    public static InitialModel From(Arguments args, DataSet train, long seed)
    {
        if (args.Get("--model") is { } path)
        {
            if (args.Has("--layers"))
            {
                throw new UsageException("train: give --model or --layers, not both");
            }

            var model = ModelFile.Read(path).Model;
            CheckFits(model.Spec, train, path);
            return InitialModel.Of(model);
        }

        var sizes = Sizes(args.Get("--layers") ?? $"{train.Features},2,{train.Targets}");
        var hidden = args.Get("--activation") ?? "sigmoid";
        var (output, loss) = OutputDefault.For(args.Get("--output"), args.Get("--loss"), train);
        var spec = UsageCheck.Run(() => NetworkSpec.Create(sizes, hidden, output, loss));
        UsageCheck.Run(spec.Validate);
        CheckFits(spec, train, "--layers");
        var (shift, scale) = Scale(args, train);
        spec = spec with { InputShift = shift, InputScale = scale, Classes = train.Classes };
        UsageCheck.Run(spec.Validate);
        return InitialModel.Seeded(spec, seed);
    }

    /// <summary>--layers "784,256,10": n_0, n_1, .., n_L.</summary>
    public static int[] Sizes(string layers) =>
        layers.Split(',').Select(s => int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--layers: '{s}' in '{layers}' is not a whole number")).ToArray();

    private static (double[] Shift, double[] Scale) Scale(Arguments args, DataSet train)
    {
        var method = UsageCheck.Run(() => Scaling.Parse(args.Get("--scale") ?? "none"));
        if (method != "none")
        {
            var (shift, scale) = Scaling.Fit(train, method);
            OverflowCheck.CheckScaling(train, method, shift, scale);
            return (shift, scale);
        }

        return (train.InputShift ?? new double[train.Features], train.InputScale ?? Enumerable.Repeat(1.0, train.Features).ToArray());
    }

    private static void CheckFits(NetworkSpec spec, DataSet train, string source)
    {
        if (spec.Inputs != train.Features)
        {
            throw new UsageException($"{source}: the network takes {spec.Inputs} inputs but '{train.Name}' has {train.Features} features");
        }

        if (spec.Outputs != train.Targets)
        {
            throw new UsageException($"{source}: the network has {spec.Outputs} outputs but '{train.Name}' has {train.Targets} target columns");
        }
    }

    /// <summary>
    /// As <see cref="CheckOverflow(NetworkModel, DataSet, DataSet?)"/> for a model the cluster will draw from its seed,
    /// drawn here too when it is small enough; a larger one is checked by its first step in the cluster (one line too).
    /// </summary>
    public static void CheckOverflow(InitialModel model, DataSet train, DataSet? test)
    {
        if (!model.IsSeeded || NetworkSize.Of(model.Spec).Parameters <= OverflowCheckParameters)
        {
            CheckOverflow(model.ToModel(), train, test);
        }
    }

    /// <summary>The largest seeded model the console draws to check the first forward pass (80 MB of weights).</summary>
    private const long OverflowCheckParameters = 10_000_000;

    /// <summary>Throws a <see cref="DataFormatException"/> naming the first row and column whose first forward pass through <paramref name="model"/> overflows.</summary>
    public static void CheckOverflow(NetworkModel model, DataSet train, DataSet? test)
    {
        OverflowCheck.Check(model, train);
        if (test is not null)
        {
            OverflowCheck.Check(model, test);
        }
    }
}
