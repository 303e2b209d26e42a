using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting.Http.Contracts;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// GET /api/jobs/{id}/events as Server-Sent Events. First a 'state' event with the job as it is and an 'epoch' event
/// for every epoch so far (of more than <see cref="MaxReplayed"/>, evenly spaced ones); then, as the job goes on: 'epoch' (loss, accuracy, test figures, samples/s, ETA),
/// 'progress' (the batch within an epoch, at most ten a second), 'rollback' (it went back to a checkpoint), 'state'
/// (every change of state); and 'end' once it has finished. A comment line every 15 s keeps proxies from closing it.
/// Each stream waits on the job grain's own long poll, at most ten times a second, so watchers add little work to the run.
/// </summary>
public static class JobEvents
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    /// <summary>A stream that joins a job sends at most this many of the epochs already done (evenly spaced, and the last).</summary>
    public const int MaxReplayed = 2000;

    /// <summary>A stream asks the job at most this often: a page redraws no faster, and many watchers cost the job little.</summary>
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    public static async Task Stream(IGrainFactory grains, string id, HttpContext context)
    {
        var status = await JobEndpoints.Status(grains, id);
        var job = grains.GetGrain<ITrainingJobGrain>(id);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var closed = context.RequestAborted;

        await Send(response, "state", JobView.Of(status, withRecords: false), closed);
        var sent = await SendEpochs(response, status, 0, closed, MaxReplayed);
        var state = status.State;
        var batch = status.Batch;
        var asked = TimeProvider.System.GetTimestamp();
        while (!status.IsFinished && !closed.IsCancellationRequested)
        {
            var wait = MinimumInterval - TimeProvider.System.GetElapsedTime(asked);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, closed);
            }

            asked = TimeProvider.System.GetTimestamp();
            var version = status.Version;
            status = await job.WaitForUpdate(version, sent, Poll).WaitAsync(closed);
            if (status.Epoch < sent)
            {
                sent = status.Epoch;
                await Send(response, "rollback", JobView.Of(status, withRecords: false), closed);
            }

            var before = sent;
            sent = await SendEpochs(response, status, sent, closed);
            if (status.State != state)
            {
                state = status.State;
                await Send(response, "state", JobView.Of(status, withRecords: false), closed);
            }
            else if (sent == before && status.Batch != batch)
            {
                await Send(response, "progress", JobView.Of(status, withRecords: false), closed);
            }
            else if (status.Version == version)
            {
                await response.WriteAsync(": still running\n\n", closed);
                await response.Body.FlushAsync(closed);
            }

            batch = status.Batch;
        }

        if (status.IsFinished)
        {
            await Send(response, "end", JobView.Of(status, withRecords: false), closed);
        }
    }

    /// <summary>
    /// An 'epoch' event for each of the job's epochs after its first <paramref name="sent"/> that <paramref name="status"/>
    /// holds; of more than <paramref name="most"/> (a stream joining a long job), evenly spaced ones and the last.
    /// </summary>
    private static async Task<int> SendEpochs(HttpResponse response, JobStatus status, int sent, CancellationToken closed, int most = int.MaxValue)
    {
        // The status holds the epochs after the first 'sent' when it answered WaitForUpdate(.., sent, ..), all of them from GetStatus(0).
        var records = status.Records.Length == status.Epoch ? status.Records[sent..] : status.Records;
        var every = (records.Length + most - 1) / most;
        for (var i = 0; i < records.Length; i++)
        {
            if (every > 1 && i % every != 0 && i != records.Length - 1)
            {
                continue;
            }

            var epoch = sent + i + 1;
            var eta = JobView.Eta(status with { Epoch = epoch, Batch = 0 });
            await Send(response, "epoch", new EpochEvent(status.JobId, epoch, status.Epochs, EpochView.Of(records[i]), status.SamplesPerSecond, eta), closed);
        }

        return sent + records.Length;
    }

    private static async Task Send<T>(HttpResponse response, string name, T data, CancellationToken closed)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, JsonBody.Options)}\n\n", closed);
        await response.Body.FlushAsync(closed);
    }
}
