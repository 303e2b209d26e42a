using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.State;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>A data set held in the cluster: N x n features and N x k targets, uploaded in chunks.</summary>
/// <remarks>Once every row has arrived the data set is written to storage, so that a job can reload it after a lost silo.</remarks>
public sealed class DataSetGrain(
    [PersistentState("dataset", StorageNames.Store)] IPersistentState<DataSetState> stored) : Grain, IDataSetGrain
{
    /// <summary>The largest data set accepted, in bytes of features and targets.</summary>
    public const long MaxBytes = 1L << 30;

    private DataSetHeader? _header;
    private double[] _x = [];
    private double[] _y = [];
    private bool[] _arrived = [];
    private int _rowsArrived;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.RecordExists && stored.State.Header is { } header)
        {
            _header = header;
            _x = stored.State.X;
            _y = stored.State.Y;
            _arrived = Enumerable.Repeat(true, header.Count).ToArray();
            _rowsArrived = header.Count;
        }

        return Task.CompletedTask;
    }

    public Task Begin(DataSetHeader header)
    {
        if (header.Count < 1)
        {
            throw new ArgumentException($"data set '{header.Name}' is empty");
        }

        if (header.Features < 1 || header.Targets < 1)
        {
            throw new ArgumentException($"data set '{header.Name}' needs at least one feature and one target, got {header.Features} and {header.Targets}");
        }

        // In long, n + k included: an int sum of two huge widths wraps around and would slip under the limit.
        var values = (long)header.Count * ((long)header.Features + header.Targets);
        if (values > MaxBytes / sizeof(double))
        {
            throw new ArgumentException($"data set '{header.Name}' is {values / ((1 << 20) / sizeof(double))} MB, over the limit of {MaxBytes / (1 << 20)} MB");
        }

        _header = header;
        _x = new double[(long)header.Count * header.Features];
        _y = new double[(long)header.Count * header.Targets];
        _arrived = new bool[header.Count];
        _rowsArrived = 0;
        return Task.CompletedTask;
    }

    public async Task Append(DataChunk chunk)
    {
        var header = _header ?? throw new InvalidOperationException($"data set '{Id}': append before begin");
        if (chunk.X is null || chunk.Y is null)
        {
            throw new ArgumentException($"data set '{Id}': chunk at row {chunk.Start} has no features or no targets");
        }

        var bytes = (long)(chunk.X.Length + chunk.Y.Length) * sizeof(double);
        if (bytes > IDataSetGrain.MaxChunkBytes)
        {
            throw new ArgumentException($"data set '{Id}': a chunk of {bytes} bytes is over the limit of {IDataSetGrain.MaxChunkBytes}");
        }

        if (chunk.X.Length % header.Features != 0 || chunk.Y.Length % header.Targets != 0
            || chunk.X.Length / header.Features != chunk.Y.Length / header.Targets)
        {
            throw new ArgumentException($"data set '{Id}': chunk at row {chunk.Start} is not whole rows of {header.Features} features and {header.Targets} targets");
        }

        var rows = chunk.X.Length / header.Features;
        if (chunk.Start < 0 || (long)chunk.Start + rows > header.Count)
        {
            throw new ArgumentException($"data set '{Id}': rows {chunk.Start}..{(long)chunk.Start + rows - 1} are outside 0..{header.Count - 1}");
        }

        for (var r = chunk.Start; r < chunk.Start + rows; r++)
        {
            if (_arrived[r])
            {
                throw new ArgumentException($"data set '{Id}': row {r} was already uploaded");
            }
        }

        Core.Training.NetworkMath.CheckFinite(chunk.X, header.Features, $"data set '{Id}' chunk at row {chunk.Start}: feature");
        Core.Training.NetworkMath.CheckFinite(chunk.Y, header.Targets, $"data set '{Id}' chunk at row {chunk.Start}: target");
        chunk.X.CopyTo(_x, (long)chunk.Start * header.Features);
        chunk.Y.CopyTo(_y, (long)chunk.Start * header.Targets);
        for (var r = chunk.Start; r < chunk.Start + rows; r++)
        {
            _arrived[r] = true;
        }

        _rowsArrived += rows;
        if (_rowsArrived == header.Count)
        {
            stored.State = new DataSetState { Header = header, X = _x, Y = _y };
            await stored.WriteStateAsync();
        }
    }

    public Task<DataSetHeader> GetHeader() => Task.FromResult(Complete());

    public Task<DataChunk> Read(int start, int count)
    {
        var header = Complete();
        if (start < 0 || count < 1 || (long)start + count > header.Count)
        {
            throw new ArgumentException($"data set '{Id}': cannot read rows {start}..{(long)start + count - 1} of {header.Count}");
        }

        var x = _x.AsSpan(start * header.Features, count * header.Features).ToArray();
        var y = _y.AsSpan(start * header.Targets, count * header.Targets).ToArray();
        return Task.FromResult(new DataChunk(start, x, y));
    }

    private DataSetHeader Complete()
    {
        var header = _header ?? throw new KeyNotFoundException($"data set '{Id}' does not exist");
        if (_rowsArrived != header.Count)
        {
            throw new InvalidOperationException($"data set '{Id}' is incomplete: {_rowsArrived} of {header.Count} rows uploaded");
        }

        return header;
    }
}
