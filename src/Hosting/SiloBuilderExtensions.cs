using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetOrleans.Grains;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Placement;
using NetOrleans.Grains.Sizes;
using NetOrleans.Hosting.Telemetry;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace NetOrleans.Hosting;

/// <summary>Wires a NetOrleans silo: clustering, storage, reminders and the grains.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Configures a silo from its settings: localhost clustering and memory storage, or Redis for all three.</summary>
    public static ISiloBuilder UseNetOrleans(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.Advertise ?? settings.Address;
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(settings.Address, settings.SiloPort);
            o.GatewayListeningEndpoint = settings.GatewayPort == SiloSettings.NoGateway ? null : new IPEndPoint(settings.Address, settings.GatewayPort);
        });
        if (settings.Redis is { } redis)
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(redis));
            silo.Services.AddSingleton(new ClusterShape(ClusterShape.Redis, null));
        }
        else
        {
            var primary = settings.Primary ?? new IPEndPoint(settings.Advertise ?? settings.Address, settings.SiloPort);
            silo.UseDevelopmentClustering(primary);
            silo.Services.AddSingleton(new ClusterShape(ClusterShape.Localhost, primary.ToString()));
        }

        silo.Services.Configure<NeuronPlacementOptions>(o => o.KeepTogether = settings.Placement == "local");
        silo.Services.Configure<MemoryBudgetOptions>(o =>
        {
            o.Bytes = settings.MemoryBudget.Bytes;
            o.Fraction = settings.MemoryBudget.Fraction;
        });
        silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, new MembershipClock());
        silo.AddNetOrleansTelemetry(settings.Telemetry with { Silo = $"{settings.Advertise ?? settings.Address}:{settings.SiloPort}" });
        return silo.AddNetOrleansGrains(settings.Redis);
    }

    /// <summary>
    /// What every NetOrleans silo needs whatever its clustering: grain storage and reminders, in memory, or in Redis
    /// when <paramref name="redis"/> is HOST:PORT.
    /// </summary>
    public static ISiloBuilder AddNetOrleansGrains(this ISiloBuilder silo, string? redis = null)
    {
        if (redis is not null)
        {
            silo.AddRedisGrainStorage(StorageNames.Store, o => o.ConfigurationOptions = RedisOptions(redis));
            WriteStateAsBinary<RedisStorageOptions>(silo);
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Store);
            WriteStateAsBinary<MemoryGrainStorageOptions>(silo);
        }

        silo.AddIncomingGrainCallFilter<NeuronFaultNaming>();
        return silo.AddNetOrleansReminders(redis);
    }

    /// <summary>
    /// Reminders (in memory or in Redis), fine enough to revive a job within seconds of losing its silo, and the
    /// placement of the neurons and of the silo relays.
    /// </summary>
    public static ISiloBuilder AddNetOrleansReminders(this ISiloBuilder silo, string? redis = null)
    {
        if (redis is not null)
        {
            silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisOptions(redis));
        }
        else
        {
            silo.UseInMemoryReminderService();
        }

        silo.Services.AddPlacementDirector<NeuronPlacementStrategy, NeuronPlacementDirector>();
        silo.Services.AddPlacementDirector<SiloRelayPlacementStrategy, SiloRelayPlacementDirector>();
        return silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Grain state in Orleans' own binary format, not JSON: a checkpoint of a network with a long history costs a
    /// fraction of the time, and every double comes back bit for bit.
    /// </summary>
    private static void WriteStateAsBinary<TOptions>(ISiloBuilder silo) where TOptions : class, IStorageProviderSerializerOptions =>
        silo.Services.AddOptions<TOptions>(StorageNames.Store)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));

    private static ConfigurationOptions RedisOptions(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        return options;
    }
}
