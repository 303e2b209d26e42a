using NetOrleans.Core.Data;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// The one way a data set goes into the cluster (the console, the tests and the benchmark all use it): a header, then
/// one chunk of <see cref="DataSetHeader.RowsPerChunk"/> rows per call, each the chunk the data set grain stores.
/// </summary>
public static class DataUploader
{
    /// <summary>Appends in flight at once: the data set grain takes one at a time, the next travels meanwhile.</summary>
    private const int InFlight = 4;

    /// <summary>Uploads <paramref name="data"/> (N x n features, N x k targets) as data set <paramref name="id"/>.</summary>
    public static async Task Upload(IGrainFactory grains, string id, DataSet data)
    {
        var set = grains.GetGrain<IDataSetGrain>(id);
        var header = new DataSetHeader(data.Name, data.Count, data.Features, data.Targets, [.. data.FeatureNames], data.Classes?.ToArray());
        await set.Begin(header);
        var sending = new List<Task>();
        for (var start = 0; start < header.Count; start += header.RowsPerChunk)
        {
            var rows = Math.Min(header.RowsPerChunk, header.Count - start);
            var x = data.X.AsSpan(start * data.Features, rows * data.Features).ToArray();
            var y = data.Y.AsSpan(start * data.Targets, rows * data.Targets).ToArray();
            sending.Add(set.Append(new DataChunk(start, x, y)));
            if (sending.Count == InFlight)
            {
                await Task.WhenAll(sending);
                sending.Clear();
            }
        }

        await Task.WhenAll(sending);
    }
}
