using System.Net;
using System.Net.Sockets;

namespace NetOrleans.AppHost.Tests;

/// <summary>
/// An OTLP/HTTP (protobuf) endpoint on 127.0.0.1 that keeps every span it is sent: the silos export to it as they
/// would to the dashboard, and the names of the metrics; logs are acknowledged and counted, not read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<OtlpSpan> _spans = [];
    private readonly HashSet<string> _metrics = [];
    private readonly List<(Func<IReadOnlyList<OtlpSpan>, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, int> _requests = [];
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{Endpoint}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT (with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).</summary>
    public string Endpoint { get; }

    /// <summary>The spans received so far.</summary>
    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>The metrics received so far, as "SERVICE METRIC" ("silo-0 netorleans.neuron.calls").</summary>
    public IReadOnlySet<string> Metrics
    {
        get
        {
            lock (_spans)
            {
                return new HashSet<string>(_metrics);
            }
        }
    }

    /// <summary>How many export requests arrived at each path (/v1/traces, /v1/metrics, /v1/logs).</summary>
    public IReadOnlyDictionary<string, int> Requests
    {
        get
        {
            lock (_spans)
            {
                return new Dictionary<string, int>(_requests);
            }
        }
    }

    /// <summary>Completes once <paramref name="service"/> has sent the metric <paramref name="metric"/>.</summary>
    public Task WaitForMetric(string service, string metric, TimeSpan timeout) =>
        WaitFor($"metric {metric} from {service}", _ => _metrics.Contains($"{service} {metric}"), timeout);

    /// <summary>
    /// Completes once the spans received (or, for a condition that reads <see cref="Metrics"/>'s set, the metrics)
    /// satisfy <paramref name="condition"/>; a timeout names <paramref name="what"/>.
    /// </summary>
    public async Task WaitFor(string what, Func<IReadOnlyList<OtlpSpan>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_spans)
        {
            if (condition(_spans))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var seen = Spans.GroupBy(s => (s.Service, s.Name)).Select(g => $"{g.Key.Service}/{g.Key.Name} x{g.Count()}");
            throw new TimeoutException($"waited {timeout.TotalSeconds:F0} s for {what}; received: {string.Join(", ", seen)} (requests: {string.Join(", ", Requests.Select(r => $"{r.Key} x{r.Value}"))})");
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url?.AbsolutePath ?? "";
            var spans = path == "/v1/traces" ? OtlpTraceReader.Read(body.ToArray()) : [];
            var metrics = path == "/v1/metrics" ? OtlpMetricReader.Read(body.ToArray()) : [];
            lock (_spans)
            {
                _requests[path] = _requests.GetValueOrDefault(path) + 1;
                _spans.AddRange(spans);
                _metrics.UnionWith(metrics);
                foreach (var waiter in _waiters.Where(w => w.Condition(_spans)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }

            // An empty Export*ServiceResponse: everything was accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
