using Microsoft.Extensions.Logging;
using NetOrleans.Grains.DataSets;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.State;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// A data set held in the cluster: N x n features and N x k targets, uploaded in chunks and stored in chunk grains of
/// at most <see cref="IDataSetGrain.MaxChunkBytes"/>. Every chunk is checked whole before anything of it is stored;
/// the manifest, written once every chunk is stored, is what makes an upload the data set.
/// </summary>
public sealed class DataSetGrain(
    [PersistentState("dataset", StorageNames.Store)] IPersistentState<DataSetState> stored,
    ILogger<DataSetGrain> logger) : Grain, IDataSetGrain
{
    /// <summary>The largest data set accepted, in bytes of features and targets.</summary>
    public const long MaxBytes = 1L << 30;

    private PendingUpload? _upload;

    private string Id => this.GetPrimaryKeyString();

    public Task Begin(DataSetHeader header)
    {
        DataSetChecks.Header(header);
        _upload = new PendingUpload(new DataSetManifest(Id, header, Guid.NewGuid().ToString("N")[..8]));
        return Task.CompletedTask;
    }

    public async Task Append(DataChunk chunk)
    {
        var upload = _upload ?? throw (stored.State.Manifest is null
            ? (Exception)new InvalidOperationException($"data set '{Id}': append before begin")
            : new ArgumentException($"data set '{Id}' is complete: row {chunk.Start} was already uploaded (begin a new upload to replace it)"));
        var rows = DataSetChecks.Chunk(Id, upload.Manifest.Header, chunk);
        upload.CheckNew(chunk.Start, rows);
        try
        {
            var completed = upload.Add(chunk);
            await Task.WhenAll(completed.Select(c => GrainFactory.GetGrain<IDataChunkGrain>(upload.Manifest.ChunkKey(c.Index)).Write(c.Rows)));
        }
        catch
        {
            // A chunk that cannot be stored ends the upload: the data set stays as it was, and the upload starts again.
            _upload = null;
            throw;
        }

        if (upload.Complete)
        {
            await Commit(upload.Manifest);
        }
    }

    public async Task<DataSetHeader> GetHeader() => (await GetManifest()).Header;

    public Task<DataSetManifest> GetManifest() => Task.FromResult(Complete());

    public async Task<DataChunk> Read(int start, int count)
    {
        var manifest = Complete();
        var header = manifest.Header;
        if (start < 0 || count < 1 || (long)start + count > header.Count)
        {
            throw new ArgumentException($"data set '{Id}': cannot read rows {start}..{(long)start + count - 1} of {header.Count}");
        }

        if (count > header.RowsPerChunk)
        {
            throw new ArgumentException($"data set '{Id}': cannot read {count} rows at once, at most {header.RowsPerChunk} (one chunk)");
        }

        var (n, k) = (header.Features, header.Targets);
        var x = new double[count * n];
        var y = new double[count * k];
        for (var index = start / header.RowsPerChunk; index <= (start + count - 1) / header.RowsPerChunk; index++)
        {
            var chunk = await GrainFactory.GetGrain<IDataChunkGrain>(manifest.ChunkKey(index)).Read();
            var from = Math.Max(start, chunk.Start);
            var to = Math.Min(start + count, chunk.Start + chunk.X.Length / n);
            chunk.X.Value.AsSpan((from - chunk.Start) * n, (to - from) * n).CopyTo(x.AsSpan((from - start) * n));
            chunk.Y.Value.AsSpan((from - chunk.Start) * k, (to - from) * k).CopyTo(y.AsSpan((from - start) * k));
        }

        return new DataChunk(start, x, y);
    }

    public async Task Delete()
    {
        var uploads = new[] { stored.State.Manifest, _upload?.Manifest }.OfType<DataSetManifest>().ToArray();
        _upload = null;
        await stored.ClearStateAsync();
        foreach (var manifest in uploads)
        {
            await DeleteChunks(manifest);
        }

        DeactivateOnIdle();
    }

    /// <summary>Makes the upload the data set, then removes the chunks of the one it replaces.</summary>
    private async Task Commit(DataSetManifest manifest)
    {
        var replaced = stored.State.Manifest;
        stored.State = new DataSetState { Manifest = manifest };
        await stored.WriteStateAsync();
        _upload = null;
        if (replaced is not null)
        {
            try
            {
                await DeleteChunks(replaced);
            }
            catch (Exception e)
            {
                logger.LogWarning("data set {Id}: the chunks of upload {Upload} it replaced are left in storage ({Error})", Id, replaced.Upload, e.Message);
            }
        }
    }

    private Task DeleteChunks(DataSetManifest manifest) =>
        Task.WhenAll(Enumerable.Range(0, manifest.Header.Chunks).Select(i => GrainFactory.GetGrain<IDataChunkGrain>(manifest.ChunkKey(i)).Delete()));

    private DataSetManifest Complete() => stored.State.Manifest
        ?? throw (_upload is { } upload
            ? (Exception)new InvalidOperationException($"data set '{Id}' is incomplete: {upload.RowsArrived} of {upload.Manifest.Header.Count} rows uploaded")
            : new KeyNotFoundException($"data set '{Id}' does not exist"));
}
