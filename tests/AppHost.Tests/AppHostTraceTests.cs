using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using NetOrleans.Client.Commands;
using NetOrleans.Grains.Telemetry;
using Xunit;

namespace NetOrleans.AppHost.Tests;

/// <summary>
/// The AppHost end to end: Redis and two silos from src/AppHost, a short job trained through their gateways, and the
/// neurons' spans of both silos received over OTLP with their network, layer, neuron and silo.
/// </summary>
public sealed class AppHostTraceTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Export = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Neuron_spans_of_both_silos_reach_OTLP_with_their_tags()
    {
        var data = Directory.CreateTempSubdirectory("netorleans-apphost-test-");
        await using var otlp = new OtlpReceiver();
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--silos", "2", "--redis-data", data.FullName],
            (options, _) => options.DisableDashboard = true);
        var silos = builder.Resources.OfType<ProjectResource>().Select(r => r.Name).Order().ToList();
        Assert.Equal(["silo-0", "silo-1"], silos);
        foreach (var silo in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(silo).WithEnvironment(e =>
            {
                e.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint;
                e.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                e.EnvironmentVariables["OTEL_SERVICE_NAME"] = silo.Name;
                e.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "200";
                e.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            });
        }

        var processes = new ProcessesOf(data.FullName);
        try
        {
            await using (var app = await builder.BuildAsync())
            {
                using var startup = new CancellationTokenSource(Startup);
                await app.StartAsync(startup.Token);
                foreach (var silo in silos)
                {
                    await app.ResourceNotifications.WaitForResourceHealthyAsync(silo, startup.Token);
                }

                var redisPort = app.GetEndpoint("redis", RedisServerExtensions.Endpoint).Port;
                processes.Watch($"127.0.0.1:{redisPort}");
                Assert.NotEmpty(processes.Running());

                var gateways = silos.SelectMany(s => new[] { "--gateway", $"127.0.0.1:{app.GetEndpoint(s, SiloExtensions.GatewayEndpoint).Port}" });
                var (code, output, error) = await Train(["train", "--data", "iris", "--layers", "4,6,3", "--epochs", "1", "--batch-size", "50", .. gateways]);
                Assert.True(code == 0, $"train exited {code}\n{output}\n{error}");
                // "network net-1a2b3c4d (4,6,3 ...), job job-...: 1 epochs of 150 samples, ...", among the notes.
                var network = Regex.Match(error + output, @"network (net-[0-9a-f]+) ").Groups[1].Value;
                Assert.True(network.Length > 0, $"no network id in the output of train:\n{output}\n{error}");

                // The first batch of the epoch is traced (--trace-batches first): its 6 + 3 neurons, forward and backward.
                List<OtlpSpan> NeuronSpans(IReadOnlyList<OtlpSpan> spans) => spans.Where(s => (s.Is(SpanNames.NeuronForward) || s.Is(SpanNames.NeuronBackward))
                    && s.Attributes.GetValueOrDefault(TagNames.NetworkId) == network).ToList();
                // The job's span ends after its last batch: once it is in, so are the spans of every batch that was traced.
                await otlp.WaitFor($"18 neuron spans and the training.job span of network {network}", spans => NeuronSpans(spans).Count >= 18
                    && spans.Any(s => s.Is(SpanNames.TrainingJob) && s.Attributes.GetValueOrDefault(TagNames.NetworkId) == network), Export);

                var neurons = NeuronSpans(otlp.Spans);
                Assert.All(neurons, s =>
                {
                    Assert.Contains(s.Service, silos);
                    Assert.Equal(s.Resource[TagNames.Silo], s.Attributes[TagNames.Silo]);
                    Assert.StartsWith("127.0.0.1:", s.Attributes[TagNames.Silo]);
                    Assert.InRange(int.Parse(s.Attributes[TagNames.Layer]), 1, 2);
                    Assert.InRange(int.Parse(s.Attributes[TagNames.Neuron]), 0, int.Parse(s.Attributes[TagNames.Layer]) == 1 ? 5 : 2);
                });
                Assert.Equal(silos, neurons.Select(s => s.Service).Distinct().Order());
                Assert.Equal(2, neurons.Select(s => s.Attributes[TagNames.Silo]).Distinct().Count());
                // One trace: the job's, with its first batch's 6 + 3 neurons, forward and backward, and none of the other two batches.
                Assert.Single(neurons.Select(s => s.TraceId).Distinct());
                Assert.Equal(9, neurons.Count(s => s.Is(SpanNames.NeuronForward)));
                Assert.Equal(9, neurons.Count(s => s.Is(SpanNames.NeuronBackward)));
                Assert.Contains(neurons, s => s.Name == $"{SpanNames.NeuronForward} L1/N5");

                // The training metrics too: every silo counts its neurons' calls.
                foreach (var silo in silos)
                {
                    await otlp.WaitForMetric(silo, "netorleans.neuron.calls", Export);
                }
            }
        }
        finally
        {
            // Disposing the app stopped Redis and the silos (also after a failed assertion): none may outlive it.
            await processes.WaitUntilGone(TimeSpan.FromSeconds(60));
            data.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> Train(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Client.Cli.Cli.Run(args, new CommandContext(output, error, Interactive: false), error);
        return (code, output.ToString(), error.ToString());
    }
}
