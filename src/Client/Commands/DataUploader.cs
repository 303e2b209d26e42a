using NetOrleans.Core.Data;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>Uploads a data set into a data set grain in chunks of at most <see cref="IDataSetGrain.MaxChunkBytes"/>.</summary>
public static class DataUploader
{
    /// <summary>Uploads <paramref name="data"/> as data set <paramref name="id"/>.</summary>
    public static async Task Upload(IGrainFactory grains, string id, DataSet data)
    {
        var set = grains.GetGrain<IDataSetGrain>(id);
        await set.Begin(new DataSetHeader(data.Name, data.Count, data.Features, data.Targets, [.. data.FeatureNames], data.Classes?.ToArray()));
        var rowBytes = (data.Features + data.Targets) * sizeof(double);
        var rowsPerChunk = Math.Max(1, IDataSetGrain.MaxChunkBytes / rowBytes);
        for (var start = 0; start < data.Count; start += rowsPerChunk)
        {
            var rows = Math.Min(rowsPerChunk, data.Count - start);
            var x = data.X.AsSpan(start * data.Features, rows * data.Features).ToArray();
            var y = data.Y.AsSpan(start * data.Targets, rows * data.Targets).ToArray();
            await set.Append(new DataChunk(start, x, y));
        }
    }
}
