using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using NetOrleans.AppHost;

// The map of the local cluster: one Redis for membership, grain state and reminders, and N silos clustered through
// it, every one sending its traces, metrics and logs to the dashboard; silo-0 also serves the live page and the
// Orleans dashboard. `dotnet run --project src/AppHost -- --silos 2`.
var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration);
var console = ConsoleTelemetry.Configure(builder.Configuration);

var redis = builder.AddRedisServer("redis", settings.RedisData);
var pageToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
var silos = Enumerable.Range(0, settings.Silos)
    .Select(i => builder.AddSilo($"silo-{i}", redis, pageToken: i == 0 ? pageToken : null))
    .ToList();

using var app = builder.Build();
await app.StartAsync();
await ClusterReport.WhenReady(app, silos, pageToken, console);
await app.WaitForShutdownAsync();
