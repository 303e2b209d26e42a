using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting.Http.Contracts;

namespace NetOrleans.Hosting.Http;

/// <summary>/api/jobs: list, start, watch (also as Server-Sent Events) and cancel training jobs.</summary>
public static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("jobs");
        jobs.MapGet("/", List).WithSummary("Every job of the cluster, newest state first.");
        jobs.MapPost("/", Start).Accepts<JobStartRequest>("application/json").AddEndpointFilter<TokenRequired>()
            .WithSummary("Starts a job with the settings of `netorleans train` (needs the token).");
        jobs.MapGet("/{id}", Get).WithSummary("A job: state, progress, speed, ETA and its epochs.");
        jobs.MapPost("/{id}/cancel", Cancel).AddEndpointFilter<TokenRequired>()
            .WithSummary("Stops a job after the batch in flight (needs the token).");
        jobs.MapGet("/{id}/events", JobEvents.Stream).Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithSummary("Server-Sent Events: one 'epoch' per epoch, 'progress' within one, 'state' per change, 'end' once finished.");
        jobs.MapGet("/{id}/confusion", JobFigures.Confusion)
            .WithSummary("A classifier job's confusion matrix on its test data (else its training data) and the first rows it gets wrong.");
    }

    private static async Task<JobView[]> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Jobs();
        var found = await Task.WhenAll(ids.Select(id => Find(grains, id, int.MaxValue)));
        return [.. found.OfType<JobStatus>().OrderBy(s => s.IsFinished).ThenBy(s => s.JobId, StringComparer.Ordinal).Select(s => JobView.Of(s, withRecords: false))];
    }

    private static async Task<JobView> Get(IGrainFactory grains, string id) => JobView.Of(await Status(grains, id), withRecords: true);

    private static async Task<IResult> Start(IGrainFactory grains, HttpRequest request)
    {
        var body = await JsonBody.Read<JobStartRequest>(request);
        var started = await JobStarter.Start(grains, body);
        return Results.Created($"/api/jobs/{started.JobId}", JobView.Of(started, withRecords: false));
    }

    private static async Task<JobView> Cancel(IGrainFactory grains, string id)
    {
        await Status(grains, id);
        return JobView.Of(await grains.GetGrain<ITrainingJobGrain>(id).Cancel(), withRecords: false);
    }

    /// <summary>The job's status with all its epochs; an unknown id is a 404 that names it.</summary>
    public static async Task<JobStatus> Status(IGrainFactory grains, string id) =>
        await Find(grains, id, 0) ?? throw new ApiProblemException(StatusCodes.Status404NotFound, $"job '{id}' does not exist");

    private static async Task<JobStatus?> Find(IGrainFactory grains, string id, int afterEpoch)
    {
        try
        {
            return await grains.GetGrain<ITrainingJobGrain>(id).GetStatus(afterEpoch);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
