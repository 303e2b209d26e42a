using Microsoft.AspNetCore.Http;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Hosting.Http.Contracts;

namespace NetOrleans.Hosting.Http;

/// <summary>GET /api/jobs/{id}/confusion: how the job's network classifies its test data (else its training data) now.</summary>
public static class JobFigures
{
    /// <summary>Rows are predicted this many at a time.</summary>
    private const int Chunk = 1000;

    /// <summary>The most rows looked at.</summary>
    public const int MaxRows = 20_000;

    /// <summary>Inputs of this width are drawn as a square image.</summary>
    private const int ImagePixels = 28 * 28;

    public static async Task<ConfusionView> Confusion(IGrainFactory grains, string id, int? wrong)
    {
        var keep = wrong ?? 8;
        if (keep is < 0 or > 100)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"wrong: must be 0 to 100 rows, got {keep}");
        }

        var status = await JobEndpoints.Status(grains, id);
        var summary = await NetworkEndpoints.Describe(grains, status.NetworkId);
        var classes = summary.Classes ?? throw new ApiProblemException(StatusCodes.Status400BadRequest, $"network '{summary.Id}' has no classes: a confusion matrix is for classifiers");
        var dataId = status.Request?.TestSetId ?? status.Request?.TrainSetId
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, $"job '{id}' names no data set");
        var data = await StoredDataSet.Load(grains, dataId, MaxRows);
        var network = grains.GetGrain<INetworkGrain>(summary.Id);
        var k = summary.Spec.Outputs;
        var matrix = classes.Select(_ => new int[classes.Count]).ToArray();
        var misclassified = new List<Misclassified>();
        var right = 0;
        for (var start = 0; start < data.Count; start += Chunk)
        {
            var rows = Math.Min(Chunk, data.Count - start);
            var y = (await network.Predict(data.X.AsSpan(start * data.Features, rows * data.Features).ToArray())).Value;
            for (var i = 0; i < rows; i++)
            {
                var actual = Evaluation.PredictedClass(data.Target(start + i));
                var predicted = Evaluation.PredictedClass(y.AsSpan(i * k, k));
                matrix[actual][predicted]++;
                if (actual == predicted)
                {
                    right++;
                }
                else if (misclassified.Count < keep)
                {
                    var pixels = data.Features == ImagePixels ? data.Row(start + i).ToArray() : null;
                    misclassified.Add(new Misclassified(start + i, classes[actual], classes[predicted], pixels));
                }
            }
        }

        return new ConfusionView(summary.Id, dataId, classes, matrix, data.Count == 0 ? 0 : (double)right / data.Count, [.. misclassified]);
    }
}
