using System.Diagnostics;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Telemetry.Tests;

/// <summary>A job traces a sample of its batches: the first of every epoch by default, every Nth, or all.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class JobSamplingTests(TelemetryFixture fixture)
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(2, 20)]
    [InlineData(1, 40)]
    public async Task A_ten_epoch_job_of_four_batches_an_epoch_makes_neuron_spans_for_the_sampled_batches_only(int traceBatches, int tracedBatches)
    {
        // Gender: 4 samples, batch 1, so 4 batches an epoch and 40 in all; the 2-2-1 network has 3 neurons.
        var id = $"sampling-{traceBatches}";
        var gender = BuiltInDataSets.Gender();
        var model = Initialization.Create(NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid") with { InputShift = gender.InputShift! }, seed: 1);
        await Tracing.Create(fixture.Grains, id, model);
        await DataUploader.Upload(fixture.Grains, $"{id}/data", gender);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>($"{id}/job");
        var made = 0;
        using var counter = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TrainingTelemetry.Name,
            ActivityStarted = span =>
            {
                if (span.OperationName is SpanNames.NeuronForward or SpanNames.NeuronBackward)
                {
                    Interlocked.Increment(ref made);
                }
            },
        };
        ActivitySource.AddActivityListener(counter);

        Activity root;
        JobStatus status;
        using (root = TelemetryFixture.StartRoot($"test.{id}"))
        {
            await job.Start(new JobRequest(id, $"{id}/data", null, Epochs: 10, BatchSize: 1, Shuffle: false, Seed: 1, TraceBatches: traceBatches));
            status = await Tracing.WaitUntilFinished(job);
        }

        Assert.Equal(JobState.Completed, status.State);
        var spans = fixture.Spans.Trace(root.TraceId);
        var jobSpan = Assert.Single(spans.Named(SpanNames.TrainingJob));
        Assert.Equal(root.SpanId, jobSpan.ParentSpanId);
        var epochs = spans.Named(SpanNames.TrainingEpoch);
        Assert.Equal(10, epochs.Count);
        Assert.All(epochs, e => Assert.Equal(jobSpan.SpanId, e.ParentSpanId));
        var batches = spans.Named(SpanNames.TrainBatch);
        Assert.Equal(tracedBatches, batches.Count);
        Assert.All(epochs, e => Assert.Equal(tracedBatches / 10, batches.Count(b => b.ParentSpanId == e.SpanId)));
        var batchIds = batches.Select(b => b.SpanId).ToHashSet();
        var neurons = spans.Named(SpanNames.NeuronForward).Concat(spans.Named(SpanNames.NeuronBackward)).ToList();
        Assert.Equal(tracedBatches * 3 * 2, neurons.Count);
        Assert.All(neurons, n => Assert.Contains(n.ParentSpanId, batchIds));
        Assert.Equal(tracedBatches, neurons.Select(n => n.ParentSpanId).Distinct().Count());
        Assert.Empty(spans.Named(SpanNames.Predict));

        // Untraced batches and the evaluations made no span objects at all, not even unrecorded ones.
        Assert.Equal(neurons.Count, made);
    }
}
