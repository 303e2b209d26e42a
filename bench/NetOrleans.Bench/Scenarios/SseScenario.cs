using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Bench.Cluster;
using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Workloads;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting;
using NetOrleans.Hosting.Http;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// The live page's cost to a job: the same training job alone and with 20 clients reading its event stream
/// (GET /api/jobs/{id}/events, to the end), on one in-process silo that serves the HTTP API. The job's own clock.
/// </summary>
public static class SseScenario
{
    private const int Watchers = 20;

    public static async Task Run(BenchContext context)
    {
        var port = Ports.Free();
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        web.Logging.ClearProviders();
        var settings = new SiloSettings { SiloPort = Ports.Free(), GatewayPort = SiloSettings.NoGateway, HttpPort = port };
        await using var host = SiloHost.BuildWeb(web, settings, ApiToken.Create(port));
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };

        await Compare(context, grains, http, "mnist", Workloads.Workloads.Mnist(64, 128), epochs: 5, "5 epochs: about ten progress events a second");
        await Compare(context, grains, http, "tutorial", Workloads.Workloads.Tutorial(), epochs: 1000, "1000 epochs of 4 samples: an epoch event every few hundred microseconds, the worst case");
        await host.StopAsync();
    }

    private static async Task Compare(BenchContext context, IGrainFactory grains, HttpClient http, string name, Workload workload, int epochs, string what)
    {
        var id = $"bench-sse-{name}";
        var dataId = $"{id}/data";
        await DataUploader.Upload(grains, dataId, workload.Data);
        var request = new JobRequest(id, dataId, null, epochs, workload.BatchSize, Shuffle: false, Seed: 1);
        var jobs = 0;
        async Task<RunSample> Once(int watchers)
        {
            await Runs.Create(grains, id, workload);
            var jobId = $"{id}-job-{++jobs}";
            var probe = Probe.Start();
            await grains.GetGrain<ITrainingJobGrain>(jobId).Start(request);
            var watching = Enumerable.Range(0, watchers).Select(_ => ReadToEnd(http, jobId)).ToArray();
            var status = await Runs.Job(grains, jobId, request, started: true);
            await Task.WhenAll(watching);
            return probe.Stop() with { Seconds = status.Elapsed.TotalSeconds };
        }

        var (watched, alone) = await Measure.Pair(context, $"{workload.Name} job, {Watchers} event streams", () => Once(Watchers), () => Once(0));
        context.Add(new Row(
            $"{workload.Name}: training job watched by {Watchers} SSE clients", "job", Unit.Seconds, watched.Seconds, alone.Seconds,
            $"reference: the same job unwatched; {what}; the job's own clock; target at most 1.10x; spread {watched.Spread:P0}"));
        await grains.GetGrain<INetworkGrain>(id).Delete();
    }

    /// <summary>Reads a job's event stream until its 'end' event.</summary>
    private static async Task ReadToEnd(HttpClient http, string jobId)
    {
        using var response = await http.GetAsync($"/api/jobs/{Uri.EscapeDataString(jobId)}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line && line != "event: end")
        {
        }
    }
}
