using System.Net;

namespace NetOrleans.Hosting.Http;

/// <summary>What a silo or `train --view` prints once about its HTTP endpoint: the page's link with the token, the API, where the token is kept.</summary>
public static class PageLink
{
    /// <summary>http://ADDRESS:PORT/?token=TOKEN; a wildcard address is shown as 127.0.0.1.</summary>
    public static string Url(IPAddress address, int port, ApiToken token) => $"{Root(address, port)}/?token={token.Value}";

    public static string Describe(IPAddress address, int port, ApiToken token)
    {
        var kept = token.File is { } file ? $"token also in {file}" : $"token from {ApiToken.Variable}";
        return $"live page: {Url(address, port, token)}\nHTTP API: {Root(address, port)}/api (calls that change state need Authorization: Bearer TOKEN; {kept})";
    }

    /// <summary>http://ADDRESS:PORT, a wildcard address shown as 127.0.0.1.</summary>
    private static string Root(IPAddress address, int port)
    {
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : address.ToString();
        return $"http://{host}:{port}";
    }
}
