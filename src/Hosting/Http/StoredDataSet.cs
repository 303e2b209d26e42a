using NetOrleans.Core.Data;
using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Hosting.Http;

/// <summary>Reads a data set held in the cluster (N x n inputs, N x k targets) back into memory, chunk by chunk.</summary>
public static class StoredDataSet
{
    /// <summary>The first <paramref name="limit"/> rows (all by default) of data set <paramref name="id"/>; an unknown id is a <see cref="KeyNotFoundException"/>.</summary>
    public static async Task<DataSet> Load(IGrainFactory grains, string id, int limit = int.MaxValue)
    {
        var grain = grains.GetGrain<IDataSetGrain>(id);
        var header = await grain.GetHeader();
        var count = Math.Min(header.Count, limit);
        var x = new double[(long)count * header.Features];
        var y = new double[(long)count * header.Targets];
        for (var start = 0; start < count; start += header.RowsPerChunk)
        {
            var chunk = await grain.Read(start, Math.Min(header.RowsPerChunk, count - start));
            chunk.X.Value.CopyTo(x.AsSpan(start * header.Features));
            chunk.Y.Value.CopyTo(y.AsSpan(start * header.Targets));
        }

        return new DataSet(id, x, y, header.Features, header.Targets, header.FeatureNames, header.Classes);
    }
}
