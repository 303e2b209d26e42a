using Microsoft.Extensions.Hosting;
using NetOrleans.AppHost;

// The map of the local cluster: one Redis for membership, grain state and reminders, and N silos clustered through
// it, every one sending its traces, metrics and logs to the dashboard. `dotnet run --project src/AppHost -- --silos 2`.
var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration);
var console = ConsoleTelemetry.Configure(builder.Configuration);

var redis = builder.AddRedisServer("redis", settings.RedisData);
var silos = Enumerable.Range(0, settings.Silos)
    .Select(i => builder.AddSilo($"silo-{i}", redis, dashboard: i == 0))
    .ToList();

using var app = builder.Build();
await app.StartAsync();
await ClusterReport.WhenReady(app, silos, console);
await app.WaitForShutdownAsync();
