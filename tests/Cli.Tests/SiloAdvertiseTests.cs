using System.Net;
using Microsoft.Extensions.Configuration;
using NetOrleans.Hosting;

namespace NetOrleans.Cli.Tests;

/// <summary>--advertise as docker-compose.yml uses it: the silo's own host name, resolved to its IPv4 address.</summary>
public sealed class SiloAdvertiseTests
{
    private static SiloSettings Settings(string advertise) => SiloArguments.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["advertise"] = advertise }).Build());

    [Fact]
    public void An_ip_address_is_advertised_as_it_is() =>
        Assert.Equal(IPAddress.Parse("10.1.2.3"), Settings("10.1.2.3").Advertise);

    [Fact]
    public void A_host_name_is_advertised_as_its_ipv4_address() =>
        Assert.Equal(IPAddress.Loopback, Settings("localhost").Advertise);

    [Fact]
    public void A_host_name_that_does_not_resolve_is_an_error_naming_advertise()
    {
        var error = Assert.Throws<ArgumentException>(() => Settings("no-such-host.invalid"));
        Assert.StartsWith("advertise: ", error.Message, StringComparison.Ordinal);
    }
}
