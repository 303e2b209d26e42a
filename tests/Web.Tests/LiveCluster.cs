using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Hosting;
using NetOrleans.Hosting.Http;

namespace NetOrleans.Web.Tests;

/// <summary>
/// Three silos in this process on free loopback ports (localhost clustering, the first the primary), the first serving
/// the HTTP API and the live page on a free port with its own token, as `netorleans-silo --http-port` does.
/// </summary>
public sealed class LiveCluster : IAsyncLifetime
{
    public const int Silos = 3;

    private readonly List<IHost> _hosts = [];
    private HeadlessChromium? _chromium;

    public ApiToken Token { get; private set; } = null!;

    public int HttpPort { get; private set; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>The first silo's grain factory.</summary>
    public IGrainFactory Grains => _hosts[0].Services.GetRequiredService<IGrainFactory>();

    /// <summary>A client of the API without the token.</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A client of the API that sends the token.</summary>
    public HttpClient AuthorizedClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token.Value);
        return client;
    }

    /// <summary>The headless browser, launched on first use and closed before the silos stop (an open event stream would hold them).</summary>
    public async Task<Microsoft.Playwright.IBrowser> Browser() => (_chromium ??= await HeadlessChromium.Launch()).Browser;

    public async Task InitializeAsync()
    {
        var siloPorts = FreePorts(Silos);
        HttpPort = FreePorts(1)[0];
        Token = ApiToken.Create(HttpPort);
        var primary = new IPEndPoint(IPAddress.Loopback, siloPorts[0]);
        for (var i = 0; i < Silos; i++)
        {
            var settings = new SiloSettings
            {
                SiloPort = siloPorts[i],
                GatewayPort = SiloSettings.NoGateway,
                Primary = i == 0 ? null : primary,
                HttpPort = i == 0 ? HttpPort : 0,
            };
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            web.Logging.ClearProviders().AddFilter(_ => false);
            var host = i == 0 ? SiloHost.BuildWeb(web, settings, Token) : SiloHost.Build(settings);
            await host.StartAsync();
            _hosts.Add(host);
        }
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        foreach (var host in Enumerable.Reverse(_hosts))
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StopAsync(stop.Token);
            host.Dispose();
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var l in listeners)
        {
            l.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners)
        {
            l.Stop();
        }

        return ports;
    }
}
