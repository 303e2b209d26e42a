using System.Diagnostics;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Telemetry.Tests;

/// <summary>One training batch seen through the in-memory exporter: one span per neuron per pass, in the client's trace.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class NeuronSpanTests(TelemetryFixture fixture)
{
    private static double Norm(IEnumerable<double> v) => Math.Sqrt(v.Sum(x => x * x));

    [Fact]
    public async Task One_batch_of_the_2_2_1_network_makes_a_train_batch_span_with_three_forward_and_three_backward_neuron_spans_under_it()
    {
        var model = Models.AllOnes();
        var network = await Tracing.Create(fixture.Grains, "spans-2-2-1", model);

        Activity root;
        using (root = TelemetryFixture.StartRoot("test.2-2-1"))
        {
            await network.TrainBatch(Models.Alice, new double[] { 1 });
        }

        var spans = fixture.Spans.Trace(root.TraceId);
        var batch = Assert.Single(spans.Named(SpanNames.TrainBatch));
        Assert.Equal(root.SpanId, batch.ParentSpanId);
        Assert.Equal("spans-2-2-1", batch.GetTagItem(TagNames.NetworkId));
        Assert.Equal(1, batch.GetTagItem(TagNames.BatchSize));
        foreach (var name in new[] { SpanNames.NeuronForward, SpanNames.NeuronBackward })
        {
            var neurons = spans.Named(name);
            Assert.Equal(Tracing.AllNeurons(2, 1), neurons.Select(s => s.Neuron()).Order().ToList());
            Assert.All(neurons, s => Assert.Equal(batch.SpanId, s.ParentSpanId));
            Assert.All(neurons, s => Assert.Equal("spans-2-2-1", s.GetTagItem(TagNames.NetworkId)));
            Assert.All(neurons, s => Assert.Equal(1, s.GetTagItem(TagNames.BatchSize)));
        }

        // With SGD at learning rate 1 the step moved theta by exactly -grad: the norms on the spans are those of the moves and of the weights now.
        var after = (await network.Export()).Theta;
        foreach (var span in spans.Named(SpanNames.NeuronBackward))
        {
            var (l, j) = span.Neuron();
            var before = model.Theta[l - 1][j];
            var now = after[l - 1][j];
            Assert.Equal(Norm(before.Zip(now, (b, a) => b - a)), (double)span.GetTagItem(TagNames.GradientNorm)!, 1e-12);
            Assert.Equal(Norm(now), (double)span.GetTagItem(TagNames.WeightNorm)!, 1e-12);
            Assert.Null(span.GetTagItem(TagNames.Gradient));
        }
    }

    [Fact]
    public async Task One_batch_of_a_784_64_10_network_makes_74_forward_and_74_backward_neuron_spans()
    {
        var network = await Tracing.Create(fixture.Grains, "spans-784-64-10", Models.Mnist());
        const int b = 128;
        var random = new Random(5);
        var x = Enumerable.Range(0, b * 784).Select(_ => random.NextDouble()).ToArray();
        var y = new double[b * 10];
        for (var s = 0; s < b; s++)
        {
            y[s * 10 + s % 10] = 1;
        }

        Activity root;
        using (root = TelemetryFixture.StartRoot("test.784-64-10"))
        {
            await network.TrainBatch(x, y);
        }

        var spans = fixture.Spans.Trace(root.TraceId);
        var batch = Assert.Single(spans.Named(SpanNames.TrainBatch));
        Assert.Equal(b, batch.GetTagItem(TagNames.BatchSize));
        foreach (var name in new[] { SpanNames.NeuronForward, SpanNames.NeuronBackward })
        {
            var neurons = spans.Named(name);
            Assert.Equal(74, neurons.Count);
            Assert.Equal(Tracing.AllNeurons(64, 10), neurons.Select(s => s.Neuron()).Order().ToList());
            Assert.All(neurons, s => Assert.Equal(batch.SpanId, s.ParentSpanId));
        }
    }

    [Fact]
    public async Task A_prediction_makes_a_predict_span_with_one_forward_span_per_neuron_and_no_backward()
    {
        var network = await Tracing.Create(fixture.Grains, "spans-predict", Models.AllOnes());

        Activity root;
        using (root = TelemetryFixture.StartRoot("test.predict"))
        {
            await network.Predict(Models.Alice);
        }

        var spans = fixture.Spans.Trace(root.TraceId);
        var predict = Assert.Single(spans.Named(SpanNames.Predict));
        Assert.Equal(Tracing.AllNeurons(2, 1), spans.Named(SpanNames.NeuronForward).Select(s => s.Neuron()).Order().ToList());
        Assert.All(spans.Named(SpanNames.NeuronForward), s => Assert.Equal(predict.SpanId, s.ParentSpanId));
        Assert.Empty(spans.Named(SpanNames.NeuronBackward));
    }

    [Fact]
    public async Task A_call_outside_any_span_makes_no_spans_at_all()
    {
        var network = await Tracing.Create(fixture.Grains, "spans-none", Models.AllOnes());
        var before = fixture.Spans.Count;

        await network.TrainBatch(Models.Alice, new double[] { 1 });
        await network.Predict(Models.Alice);

        Assert.Equal(before, fixture.Spans.Count);
    }
}
