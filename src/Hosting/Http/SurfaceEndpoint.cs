using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Hosting.Http.Contracts;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// GET /api/networks/{id}/surface: a 2-input network's first output over a grid that covers a data set's points
/// (10% margin), as TensorFlow Playground draws it, one predict call for the whole grid.
/// </summary>
public static class SurfaceEndpoint
{
    /// <summary>The most points of the data set sent along.</summary>
    public const int MaxPoints = 1000;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/networks/{id}/surface", Surface).WithTags("networks")
            .WithSummary("A 2-input network's first output on a size x size grid (default 40) over data's points (a data set in the cluster).");

    private static async Task<SurfaceView> Surface(IGrainFactory grains, string id, string? data, int? size)
    {
        var n = size ?? 40;
        if (n is < 2 or > 200)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"size: must be 2 to 200, got {n}");
        }

        var summary = await NetworkEndpoints.Describe(grains, id);
        if (summary.Inputs != 2)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"network '{id}' takes {summary.Inputs} inputs: a decision surface is for 2");
        }

        var points = Array.Empty<SurfacePoint>();
        string[] names = ["x1", "x2"];
        if (data is not null)
        {
            var set = await Load(grains, data);
            points = [.. Enumerable.Range(0, set.Count).Select(i => new SurfacePoint(set.Row(i)[0], set.Row(i)[1], set.Target(i)[0]))];
            names = [.. set.FeatureNames];
        }

        var (xMin, xMax) = Range(points.Select(p => p.X), summary.Spec.InputShift[0], summary.Spec.InputScale[0]);
        var (yMin, yMax) = Range(points.Select(p => p.Y), summary.Spec.InputShift[1], summary.Spec.InputScale[1]);
        var grid = new double[n * n * 2];
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                grid[(row * n + col) * 2] = xMin + (xMax - xMin) * col / (n - 1);
                grid[(row * n + col) * 2 + 1] = yMin + (yMax - yMin) * row / (n - 1);
            }
        }

        var y = (await grains.GetGrain<INetworkGrain>(id).Predict(grid)).Value;
        var k = summary.Spec.Outputs;
        var values = Enumerable.Range(0, n * n).Select(i => y[i * k]).ToArray();
        return new SurfaceView(id, data, xMin, xMax, yMin, yMax, n, values, points, names);
    }

    private static async Task<Core.Data.DataSet> Load(IGrainFactory grains, string data)
    {
        try
        {
            return await StoredDataSet.Load(grains, data, MaxPoints);
        }
        catch (KeyNotFoundException)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, $"data: no data set '{data}' in the cluster (a job's trainSet, such as job-1a2b3c4d/train)");
        }
    }

    /// <summary>The points' range with a 10% margin; without points, shift +- 2 scale (the inputs the network sees as -2 .. 2).</summary>
    private static (double Min, double Max) Range(IEnumerable<double> values, double shift, double scale)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return (shift - 2 * scale, shift + 2 * scale);
        }

        var (min, max) = (list.Min(), list.Max());
        var margin = max > min ? (max - min) / 10 : 1;
        return (min - margin, max + margin);
    }
}
