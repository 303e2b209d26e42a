using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Silo;

SiloSettings settings;
try
{
    settings = SiloArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"netorleans-silo: {e.Message}");
    return 1;
}

var host = Host.CreateDefaultBuilder()
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans(silo => silo.UseNetOrleans(settings))
    .Build();
await host.StartAsync();
Console.WriteLine($"silo started: silo port {settings.SiloPort}, gateway port {settings.GatewayPort}, cluster '{settings.ClusterId}'");
await host.WaitForShutdownAsync();
return 0;
