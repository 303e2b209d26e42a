using System.Text.Json;

namespace NetOrleans.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class MalformedRequestTests(LiveCluster cluster)
{
    [Fact]
    public async Task A_hundred_malformed_requests_get_a_4xx_with_a_one_line_detail_and_change_nothing_stored()
    {
        using var client = cluster.AuthorizedClient();
        var network = await HttpApiTests.Trained(client, "gender", 5);
        var job = (await client.Json("/api/jobs")).EnumerateArray().First(j => j.GetProperty("network").GetString() == network).GetProperty("id").GetString()!;
        var requests = MalformedRequests.For(network, job);
        Assert.True(requests.Count >= 100, $"only {requests.Count} requests");
        var before = await Stored(client, network);

        // Each request brings its own Authorization header (the right token, another, or none).
        using var plain = cluster.Client();
        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var message = request.Message(cluster.Token.Value);
            using var response = await plain.SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var detail = status is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()
                : null;
            if (detail is null || detail.Length == 0 || detail.Contains('\n') || detail.Length > 300)
            {
                failures.Add($"{request} -> {status} {text[..Math.Min(text.Length, 200)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await Stored(client, network));
    }

    /// <summary>What the cluster holds, as text: its networks and their steps, its jobs and their states, and every parameter of one network.</summary>
    private static async Task<string> Stored(HttpClient client, string network)
    {
        var networks = (await client.Json("/api/networks")).EnumerateArray().Select(n => $"{n.GetProperty("id")}:{n.GetProperty("steps")}:{n.GetProperty("epochs")}");
        var jobs = (await client.Json("/api/jobs")).EnumerateArray().Select(j => $"{j.GetProperty("id")}:{j.GetProperty("state")}:{j.GetProperty("epoch")}");
        var graph = await client.Json($"/api/networks/{network}/graph");
        return string.Join("\n", networks.Concat(jobs).Append(graph.GetProperty("neurons").GetRawText()));
    }
}
