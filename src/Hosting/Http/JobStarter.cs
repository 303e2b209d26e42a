using System.Globalization;
using Microsoft.AspNetCore.Http;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting.Http.Contracts;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// Starts a job from a POST /api/jobs body the way `netorleans train` does from its command line: the same defaults,
/// the same checks (each a 400 naming its field, before anything is stored), then <see cref="JobLauncher"/>, which takes
/// away what it set up if the start fails.
/// </summary>
public static partial class JobStarter
{
    public static async Task<JobStatus> Start(IGrainFactory grains, JobStartRequest body)
    {
        var optimizer = new OptimizerSettings(
            Kind: Field("optimizer", () => OptimizerKinds.Parse(body.Optimizer ?? "sgd")),
            LearningRate: body.Lr ?? 0.1,
            Momentum: body.Momentum ?? 0.9,
            Beta1: body.Beta1 ?? 0.9,
            Beta2: body.Beta2 ?? 0.999,
            Epsilon: body.Eps ?? 1e-8);
        Field("optimizer", optimizer.Validate);

        var jobId = $"job-{Guid.NewGuid().ToString("N")[..8]}";
        var seed = body.Seed ?? 1;
        var batchSize = body.BatchSize ?? 1;
        var train = await Data(grains, "data", body.Data);
        var test = body.TestData is { } testData ? await Data(grains, "testData", testData) : train.Test;
        if (body.Network is { } name && !NetworkId().IsMatch(name))
        {
            throw Bad($"network: '{name}' is not a network id (1 to 100 letters, digits, '.', '_' or '-')");
        }

        InitialModel? model = null;
        var networkId = body.Network ?? $"net-{Guid.NewGuid().ToString("N")[..8]}";
        if (body.Network is not null && await NetworkEndpoints.Find(grains, body.Network) is { } existing)
        {
            if (body.Layers is not null)
            {
                throw Bad($"layers: network '{existing.Id}' exists (it is trained further); leave out layers, or name a new network");
            }

            if (existing.Inputs != train.Features || existing.Spec.Outputs != train.Targets)
            {
                throw Bad($"network: '{existing.Id}' takes {existing.Inputs} inputs and has {existing.Spec.Outputs} outputs but data '{body.Data}' has {train.Features} features and {train.Targets} targets");
            }
        }
        else
        {
            model = NewModel(body, train, seed);
        }

        if (test is not null && (test.Features != train.Features || test.Targets != train.Targets))
        {
            throw Bad($"testData: '{test.Name}' has {test.Features} features and {test.Targets} targets, the training data {train.Features} and {train.Targets}");
        }

        var request = new JobRequest(networkId, $"{jobId}/train", test is null ? null : $"{jobId}/test",
            body.Epochs ?? 1000, batchSize, body.Shuffle ?? batchSize > 1, seed, body.TraceBatches ?? 0,
            body.CheckpointSeconds ?? JobRequest.DefaultCheckpointSeconds);
        try
        {
            request.Validate();
        }
        catch (ArgumentException e)
        {
            throw Bad(e.Message);
        }

        return await JobLauncher.Start(grains, jobId, request, train, test, model, optimizer);
    }

    /// <summary>A new network's spec as `train --layers` makes it, from the training data.</summary>
    private static InitialModel NewModel(JobStartRequest body, DataSet train, long seed)
    {
        var sizes = (body.Layers ?? $"{train.Features},2,{train.Targets}").Split(',')
            .Select(s => int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Bad($"layers: '{s}' in '{body.Layers}' is not a whole number"))
            .ToArray();
        var (output, loss) = OutputDefault.For(body.Output, body.Loss, train);
        var spec = Field("layers", () => NetworkSpec.Create(sizes, body.Activation ?? "sigmoid", output, loss));
        Field("layers", spec.Validate);
        if (spec.Inputs != train.Features || spec.Outputs != train.Targets)
        {
            throw Bad($"layers: the network takes {spec.Inputs} inputs and has {spec.Outputs} outputs but '{train.Name}' has {train.Features} features and {train.Targets} targets");
        }

        var method = Field("scale", () => Scaling.Parse(body.Scale ?? "none"));
        var (shift, scale) = method != "none"
            ? Field("scale", () => Fitted(train, method))
            : (train.InputShift ?? new double[train.Features], train.InputScale ?? Enumerable.Repeat(1.0, train.Features).ToArray());
        spec = spec with { InputShift = shift, InputScale = scale, Classes = train.Classes };
        Field("scale", spec.Validate);
        return InitialModel.Seeded(spec, seed);
    }

    /// <summary>The scaling fitted on the training data, refused (as `train --scale` refuses it) when it overflows.</summary>
    private static (double[] Shift, double[] Scale) Fitted(DataSet train, string method)
    {
        var (shift, scale) = Scaling.Fit(train, method);
        try
        {
            OverflowCheck.CheckScaling(train, method, shift, scale);
        }
        catch (DataFormatException e)
        {
            throw new ArgumentException(e.Message);
        }

        return (shift, scale);
    }

    /// <summary>A built-in data set by name, or one held in the cluster by id.</summary>
    private static async Task<DataSet> Data(IGrainFactory grains, string field, string name)
    {
        try
        {
            if (BuiltInDataSets.Find(name) is { } builtIn)
            {
                return builtIn;
            }
        }
        catch (DataFormatException e)
        {
            throw new ApiProblemException(StatusCodes.Status500InternalServerError, $"{field}: {ApiErrors.OneLine(e.Message)}");
        }

        try
        {
            return await StoredDataSet.Load(grains, name);
        }
        catch (KeyNotFoundException)
        {
            throw Bad($"{field}: '{name}' is neither a built-in data set ({string.Join(", ", BuiltInDataSets.Names)}) nor a data set in the cluster (such as job-1a2b3c4d/train)");
        }
    }

    private static T Field<T>(string name, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw Bad(e.Message.StartsWith(name, StringComparison.Ordinal) ? e.Message : $"{name}: {e.Message}");
        }
    }

    private static void Field(string name, Action check) => Field(name, () =>
    {
        check();
        return true;
    });

    private static ApiProblemException Bad(string detail) => new(StatusCodes.Status400BadRequest, detail);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial System.Text.RegularExpressions.Regex NetworkId();
}
