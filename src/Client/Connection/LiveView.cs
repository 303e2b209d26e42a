using System.Net;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Commands;
using NetOrleans.Hosting;

namespace NetOrleans.Client.Connection;

/// <summary>
/// `train --view`: the embedded silo serves the live page and the HTTP API while it trains (on --view-port, by default
/// 8081 or a free port when that one is taken), and with --view-keep after training too, until Ctrl-C.
/// </summary>
/// <param name="Port">the port asked for; 0 for any free one</param>
/// <param name="Keep">keep serving after training until Ctrl-C</param>
public sealed record LiveView(int Port, bool Keep)
{
    /// <summary>The view the arguments ask for, or null; contradictions are one-line usage errors.</summary>
    public static LiveView? From(Arguments args, bool gateways)
    {
        var view = args.Flag("--view");
        if (!view)
        {
            foreach (var option in new[] { "--view-keep", "--view-port" }.Where(o => args.Flag(o) || args.Has(o)))
            {
                throw new UsageException($"{option} goes with --view");
            }

            return null;
        }

        if (gateways)
        {
            throw new UsageException("--view serves the page from this process's embedded silo; with --gateway open the page a silo serves (netorleans-silo --http-port, 8081 by default)");
        }

        var port = args.Get("--view-port") is { } text ? (text == "0" ? 0 : UsageCheck.Run(() => SiloArguments.Port("--view-port", text))) : SiloSettings.DefaultHttpPort;
        return new LiveView(port, args.Flag("--view-keep"));
    }

    /// <summary>The port to listen on: the one asked for, or a free one when none was or the default is taken.</summary>
    public int Choose()
    {
        return Port != 0 && (Port != SiloSettings.DefaultHttpPort || PortCheck.IsFree(IPAddress.Loopback, Port)) ? Port : PortCheck.AnyFree();
    }
}
