using Microsoft.Extensions.Hosting;
using NetOrleans.Hosting;
using NetOrleans.Hosting.Http;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(SiloHelp.Text());
    return 0;
}

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

if (PortCheck.FirstInUse(settings) is { } inUse)
{
    Console.Error.WriteLine($"netorleans-silo: {inUse}");
    return 1;
}

var token = settings.HttpPort == 0 ? null : ApiToken.Create(settings.HttpPort);
using var host = SiloHost.Build(settings, token);
await host.StartAsync();
var storage = settings.Redis is null ? "localhost clustering, memory storage" : $"Redis {settings.Redis}";
var dashboard = settings.DashboardPort is { } d ? $", dashboard http://{settings.Address}:{d}/{(d == settings.HttpPort ? "dashboard/" : "")}" : "";
Console.WriteLine($"silo started: silo port {settings.SiloPort}, gateway port {settings.GatewayPort}, cluster '{settings.ClusterId}', {storage}{dashboard}");
if (token is not null)
{
    Console.WriteLine(PageLink.Describe(settings.HttpAddress, settings.HttpPort, token));
}

await host.WaitForShutdownAsync();
return 0;
