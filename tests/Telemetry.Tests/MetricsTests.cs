using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NetOrleans.Telemetry.Tests;

/// <summary>The instruments of the NetOrleans.Training meter, read through the in-memory metric exporter.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(TelemetryFixture fixture)
{
    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    private static List<(Dictionary<string, object?> Tags, MetricPoint Point)> Points(List<MetricSnapshot> metrics, string name, string network)
    {
        var points = new List<(Dictionary<string, object?>, MetricPoint)>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var tags = Tags(point);
                if (Equals(tags.GetValueOrDefault(TagNames.NetworkId), network))
                {
                    points.Add((tags, point));
                }
            }
        }

        return points;
    }

    [Fact]
    public async Task A_batch_counts_neuron_calls_by_layer_and_pass_never_by_neuron_and_its_samples_and_duration()
    {
        var metrics = new List<MetricSnapshot>();
        using var meter = Sdk.CreateMeterProviderBuilder().AddMeter(TrainingTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var gender = BuiltInDataSets.Gender();
        var network = await Tracing.Create(fixture.Grains, "metrics-batch", Models.AllOnes());

        await network.TrainBatch(gender.X, gender.Y);
        meter.ForceFlush();

        var calls = Points(metrics, "netorleans.neuron.calls", "metrics-batch")
            .ToDictionary(p => ((int)p.Tags[TagNames.Layer]!, (string)p.Tags[TagNames.Pass]!), p => p.Point.GetSumLong());
        Assert.Equal(new Dictionary<(int, string), long> { [(1, "forward")] = 2, [(1, "backward")] = 2, [(2, "forward")] = 1, [(2, "backward")] = 1 }, calls);
        Assert.All(metrics.SelectMany(m => m.MetricPoints), p => Assert.False(Tags(p).ContainsKey(TagNames.Neuron)));
        Assert.Equal(gender.Count, Assert.Single(Points(metrics, "netorleans.training.samples", "metrics-batch")).Point.GetSumLong());
        Assert.Equal(1, Assert.Single(Points(metrics, "netorleans.training.batch.duration", "metrics-batch")).Point.GetHistogramCount());
    }

    [Fact]
    public async Task A_job_records_the_loss_and_accuracy_of_its_last_epoch_on_each_split()
    {
        var metrics = new List<MetricSnapshot>();
        using var meter = Sdk.CreateMeterProviderBuilder().AddMeter(TrainingTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var iris = BuiltInDataSets.Iris();
        var spec = NetworkSpec.Create([4, 5, 3], "tanh", "softmax", "cross-entropy") with { Classes = iris.Classes };
        await Tracing.Create(fixture.Grains, "metrics-job", Initialization.Create(spec, seed: 2));
        await DataUploader.Upload(fixture.Grains, "metrics-job/data", iris);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>("metrics-job/job");

        await job.Start(new JobRequest("metrics-job", "metrics-job/data", "metrics-job/data", Epochs: 3, BatchSize: 10, Shuffle: true, Seed: 4));
        var status = await Tracing.WaitUntilFinished(job);
        meter.ForceFlush();

        Assert.Equal(JobState.Completed, status.State);
        var last = (await fixture.Grains.GetGrain<INetworkGrain>("metrics-job").Describe()).History[^1];
        foreach (var (split, loss, accuracy) in new[] { ("train", last.TrainLoss, last.TrainAccuracy), ("test", last.TestLoss!.Value, last.TestAccuracy) })
        {
            Assert.Equal(loss, Assert.Single(Points(metrics, "netorleans.training.loss", "metrics-job"), p => Equals(p.Tags[TagNames.Split], split)).Point.GetGaugeLastValueDouble());
            Assert.Equal(accuracy!.Value, Assert.Single(Points(metrics, "netorleans.training.accuracy", "metrics-job"), p => Equals(p.Tags[TagNames.Split], split)).Point.GetGaugeLastValueDouble());
        }

        Assert.Equal(3L * iris.Count, Assert.Single(Points(metrics, "netorleans.training.samples", "metrics-job")).Point.GetSumLong());
    }
}
