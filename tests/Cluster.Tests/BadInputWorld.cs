using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// What the bad-input rows are thrown at, all under one id prefix: a trained, checkpointed network with history and
/// Adam moments, a complete data set, and a finished job (with the network it trained). <see cref="Snapshot"/> renders
/// all of it, weights as bits, so that "unchanged" means unchanged to the bit.
/// </summary>
public sealed class BadInputWorld(IGrainFactory grains, string prefix) : IDisposable
{
    private readonly string _files = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"netorleans-bad-{Guid.NewGuid():N}")).FullName;

    public IGrainFactory Grains => grains;

    /// <summary>The world's network: 2-3-2, tanh then softmax, cross-entropy, Adam, trained three steps, one epoch of history, checkpointed.</summary>
    public string NetworkId => $"{prefix}/net";

    /// <summary>The world's data set: the tutorial's four people with one-hot targets (2 features, 2 targets).</summary>
    public string DataSetId => $"{prefix}/data";

    /// <summary>The network the world's job trained (2-2-1 sigmoid on gender).</summary>
    public string JobNetworkId => $"{prefix}/jobnet";

    /// <summary>The world's job, completed.</summary>
    public string JobId => $"{JobNetworkId}/job";

    /// <summary>The current row's slug: <see cref="Scratch"/> ids are the row's own.</summary>
    public string Row { get; set; } = "setup";

    public INetworkGrain World => Network(NetworkId);

    /// <summary>An id of the current row's own, under the world's prefix.</summary>
    public string Scratch(string name) => $"{prefix}/{Row}/{name}";

    public INetworkGrain Network(string id) => grains.GetGrain<INetworkGrain>(id);

    public INeuronGrain Neuron(string network, int layer, int index) => grains.GetGrain<INeuronGrain>(NeuronKeys.Of(network, layer, index));

    public IDataSetGrain DataSet(string id) => grains.GetGrain<IDataSetGrain>(id);

    public ITrainingJobGrain Job(string id) => grains.GetGrain<ITrainingJobGrain>(id);

    /// <summary>The tutorial's four people, targets one-hot [male, female].</summary>
    public static DataSet GenderOneHot()
    {
        var gender = BuiltInDataSets.Gender();
        var y = gender.Y.SelectMany(female => new[] { 1 - female, female }).ToArray();
        return gender with { Y = y, Targets = 2, Classes = ["male", "female"] };
    }

    /// <summary>The world network's initial model.</summary>
    public static NetworkModel WorldModel() => Initialization.Create(
        NetworkSpec.Create([2, 3, 2], "tanh", "softmax", "cross-entropy") with { InputShift = [135, 66], InputScale = [10, 5], Classes = ["male", "female"] },
        seed: 31);

    /// <summary>A small network on gender (2-2-k, sigmoid by default), for a row's own use.</summary>
    public static NetworkModel SmallModel(string hidden = "sigmoid", string output = "sigmoid", string loss = "mse", int outputs = 1) =>
        Initialization.Create(NetworkSpec.Create([2, 2, outputs], hidden, output, loss) with { InputShift = [135, 66] }, seed: 5);

    public static OptimizerSettings Adam => new OptimizerSettings(OptimizerKind.Adam, 0.01);

    public static OptimizerSettings Sgd => new OptimizerSettings(OptimizerKind.Sgd, 0.1);

    /// <summary>Creates the network, data set and job that every row must leave as they are.</summary>
    public async Task Build()
    {
        var data = GenderOneHot();
        await World.Create(WorldModel(), Adam, replace: false, history: []);
        for (var step = 0; step < 2; step++)
        {
            await World.TrainBatch(data.X, data.Y);
        }

        // The third step as a one-epoch job of one batch: the epoch's record, and a checkpoint at its end.
        await DataUploader.Upload(grains, DataSetId, data);
        var epoch = await grains.GetGrain<ITrainingJobGrain>($"{NetworkId}/job").Start(new JobRequest(NetworkId, DataSetId, null, 1, data.Count, false, 1));
        Assert.Equal(JobState.Completed, (await TrainingHelpers.WaitUntilFinished(grains.GetGrain<ITrainingJobGrain>(epoch.JobId))).State);
        var status = await TrainingHelpers.TrainWithJob(grains, JobNetworkId, SmallModel(), new OptimizerSettings(OptimizerKind.Sgd, 0.1), BuiltInDataSets.Gender(), epochs: 3, batchSize: 1, shuffle: false, seed: 7);
        Assert.Equal(JobState.Completed, status.State);
    }

    /// <summary>"{net}" becomes the world's network id and "{row}" the row's scratch prefix.</summary>
    public string Expand(string fragment) => fragment.Replace("{net}", NetworkId, StringComparison.Ordinal).Replace("{row}", Scratch("").TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>Writes a file of the row's own and returns its path.</summary>
    public string File(string name, byte[] content)
    {
        var path = Path.Combine(_files, $"{Row}-{name}");
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes a text file of the row's own and returns its path.</summary>
    public string File(string name, string content) => File(name, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Everything the world holds, one line per fact: the networks' specs, optimizer, steps, history, input scaling and
    /// every neuron's activation, step count and parameters (as bits); the data set's header and rows (as bits); the
    /// job's status; the catalog's networks and jobs that are the world's or the current row's.
    /// </summary>
    public async Task<List<string>> Snapshot(IEnumerable<string> rowNetworks)
    {
        var lines = new List<string>();
        foreach (var id in new[] { NetworkId, JobNetworkId }.Concat(rowNetworks.Select(Scratch)))
        {
            await SnapshotNetwork(id, lines);
        }

        var header = await DataSet(DataSetId).GetHeader();
        lines.Add($"data set {DataSetId}: {header.Name} {header.Count}x{header.Features}+{header.Targets} [{string.Join(",", header.FeatureNames)}] [{string.Join(",", header.Classes ?? [])}]");
        var rows = await DataSet(DataSetId).Read(0, header.Count);
        lines.Add($"data set {DataSetId} rows from {rows.Start}: x {Bits(rows.X.Value)} y {Bits(rows.Y.Value)}");

        var job = await Job(JobId).GetStatus(0);
        lines.Add($"job {JobId}: {job.NetworkId} {job.State} epoch {job.Epoch}/{job.Epochs} batches {job.Batches} error '{job.Error}' recoveries {job.Recoveries}");
        lines.AddRange(job.Records.Select(r => $"job {JobId} record {r}"));

        var catalog = grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
        lines.Add($"catalog networks: {string.Join(" ", (await catalog.Networks()).Where(Mine))}");
        lines.Add($"catalog jobs: {string.Join(" ", (await catalog.Jobs()).Where(Mine))}");
        return lines;
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);

    /// <summary>The world's ids and the current row's: other rows' own networks and jobs are theirs to keep.</summary>
    private bool Mine(string id) =>
        id == NetworkId || id == JobNetworkId || id == JobId || id.StartsWith(Scratch(""), StringComparison.Ordinal);

    private async Task SnapshotNetwork(string id, List<string> lines)
    {
        NetworkSummary summary;
        try
        {
            summary = await Network(id).Describe();
        }
        catch (KeyNotFoundException)
        {
            lines.Add($"network {id}: absent");
            return;
        }

        lines.Add($"network {id}: {summary.Inputs} inputs, layers {string.Join(" ", summary.Layers.Select(l => $"{l.Size}:{l.Activation}"))}, loss {summary.Loss}, {summary.Optimizer}, classes [{string.Join(",", summary.Classes ?? [])}], steps {summary.Steps}");
        lines.AddRange(summary.History.Select(r => $"network {id} history {r}"));
        var model = await Network(id).Export();
        lines.Add($"network {id} input shift {Bits(model.Spec.InputShift)} scale {Bits(model.Spec.InputScale)}");
        for (var l = 0; l < model.Theta.Length; l++)
        {
            for (var j = 0; j < model.Theta[l].Length; j++)
            {
                var neuron = await Neuron(id, l + 1, j).GetParameters();
                lines.Add($"neuron {NeuronKeys.Of(id, l + 1, j)}: {neuron.Activation}, steps {neuron.Steps}, theta {Bits(neuron.Theta)}, exported {Bits(model.Theta[l][j])}");
            }
        }
    }

    private static string Bits(double[] values) => string.Join(" ", values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)));
}
