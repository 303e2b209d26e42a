using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting.Http.Contracts;

namespace NetOrleans.Hosting.Http;

/// <summary>/api/networks: list, describe, predict with and delete the networks of the cluster.</summary>
public static class NetworkEndpoints
{
    /// <summary>The most rows one predict call takes.</summary>
    public const int MaxPredictRows = 10_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("networks");
        networks.MapGet("/", List).WithSummary("Every network of the cluster.");
        networks.MapGet("/{id}", Get).WithSummary("A network: shape, activations, loss, optimizer, steps, when it was created and last trained, and its history.");
        networks.MapPost("/{id}/predict", Predict).Accepts<PredictRequest>("application/json")
            .WithSummary("The network's outputs for one row (row) or many (rows) of raw inputs.");
        networks.MapDelete("/{id}", Delete).AddEndpointFilter<TokenRequired>()
            .WithSummary("Deletes a network and its neurons (needs the token; refused while a job trains it).");
    }

    private static async Task<NetworkView[]> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Networks();
        var found = await Task.WhenAll(ids.Select(id => Find(grains, id)));
        return [.. found.OfType<NetworkSummary>().OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => NetworkView.Of(s, withHistory: false))];
    }

    private static async Task<NetworkView> Get(IGrainFactory grains, string id) => NetworkView.Of(await Describe(grains, id), withHistory: true);

    private static async Task<PredictResponse> Predict(IGrainFactory grains, string id, HttpRequest request)
    {
        var body = await JsonBody.Read<PredictRequest>(request);
        var summary = await Describe(grains, id);
        var rows = Rows(body, summary.Inputs);
        var x = new double[rows.Length * summary.Inputs];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(x, i * summary.Inputs);
        }

        var y = (await grains.GetGrain<INetworkGrain>(id).Predict(x)).Value;
        var k = summary.Spec.Outputs;
        var outputs = Enumerable.Range(0, rows.Length).Select(i => y.AsSpan(i * k, k).ToArray()).ToArray();
        return new PredictResponse(id, outputs, summary.Classes, summary.Classes is { } classes ? [.. outputs.Select(o => Label(o, classes))] : null);
    }

    private static async Task<IResult> Delete(IGrainFactory grains, string id)
    {
        await Describe(grains, id);
        await grains.GetGrain<INetworkGrain>(id).Delete();
        return Results.NoContent();
    }

    /// <summary>The network's summary; an unknown id is a 404 that names it.</summary>
    public static async Task<NetworkSummary> Describe(IGrainFactory grains, string id) =>
        await Find(grains, id) ?? throw new ApiProblemException(StatusCodes.Status404NotFound, $"network '{id}' does not exist");

    /// <summary>The network's summary, or null when there is no such network.</summary>
    public static async Task<NetworkSummary?> Find(IGrainFactory grains, string id)
    {
        try
        {
            return await grains.GetGrain<INetworkGrain>(id).Describe();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The rows of a predict body, each checked: n_0 finite numbers.</summary>
    private static double[][] Rows(PredictRequest body, int inputs)
    {
        if ((body.Rows is null) == (body.Row is null))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "request body: give either row (one row of inputs) or rows (an array of rows)");
        }

        var rows = body.Rows ?? [body.Row!];
        if (rows.Length is 0 or > MaxPredictRows)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"request body: rows must hold 1 to {MaxPredictRows} rows, got {rows.Length}");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var where = body.Rows is null ? "row" : $"rows[{i}]";
            if (rows[i] is not { } row || row.Length != inputs)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, $"request body: {where} has {rows[i]?.Length ?? 0} values but the network takes {inputs} inputs");
            }

            if (Array.FindIndex(row, v => !double.IsFinite(v)) is var bad and >= 0)
            {
                throw new ApiProblemException(StatusCodes.Status400BadRequest, $"request body: {where}[{bad}] is not a finite number");
            }
        }

        return rows;
    }

    /// <summary>The class one row of outputs predicts (<see cref="Evaluation.PredictedClass"/>).</summary>
    private static string Label(double[] output, IReadOnlyList<string> classes) =>
        classes[Math.Min(Evaluation.PredictedClass(output), classes.Count - 1)];
}
