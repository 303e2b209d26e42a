using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class HttpApiTests(LiveCluster cluster)
{
    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        using var client = cluster.Client();
        var paths = (await client.Json("/openapi/v1.json")).GetProperty("paths");
        var endpoints = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).Order().ToArray();
        string[] expected =
        [
            "DELETE /api/networks/{id}", "GET /api/cluster", "GET /api/jobs", "GET /api/jobs/{id}", "GET /api/jobs/{id}/confusion",
            "GET /api/jobs/{id}/events", "GET /api/networks", "GET /api/networks/{id}", "GET /api/networks/{id}/graph",
            "GET /api/networks/{id}/neurons/{layer}/{index}", "GET /api/networks/{id}/surface", "POST /api/jobs",
            "POST /api/jobs/{id}/cancel", "POST /api/networks/{id}/predict",
        ];
        Assert.Equal(expected.Order(), endpoints);
    }

    [Fact]
    public async Task The_health_endpoint_says_the_silo_is_active()
    {
        using var client = cluster.Client();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_job_started_over_HTTP_streams_one_epoch_event_per_epoch_and_ends_with_the_figures_it_stored()
    {
        using var client = cluster.AuthorizedClient();
        var job = await client.StartJob(new { data = "gender", epochs = 40 });
        var id = job.GetProperty("id").GetString()!;
        var events = await client.EventsToEnd(id);

        var epochs = events.Where(e => e.Name == "epoch").Select(e => e.Data).ToArray();
        Assert.Equal(Enumerable.Range(1, 40), epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal("end", events[^1].Name);
        Assert.Equal("completed", events[^1].Data.GetProperty("state").GetString());
        var stored = (await client.Json($"/api/jobs/{id}")).GetProperty("records").EnumerateArray().ToArray();
        Assert.Equal(stored.Select(r => r.GetProperty("trainLoss").GetDouble()), epochs.Select(e => e.GetProperty("figures").GetProperty("trainLoss").GetDouble()));
    }

    [Fact]
    public async Task Predict_gives_what_the_network_grain_gives_for_one_row_and_for_many()
    {
        using var client = cluster.AuthorizedClient();
        var network = await Trained(client, "gender", 30);
        using var many = await client.PostAsJsonAsync($"/api/networks/{network}/predict", new { rows = new[] { new[] { 128.0, 63 }, new[] { 155.0, 68 } } });
        var outputs = (await many.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outputs").EnumerateArray().Select(r => r[0].GetDouble()).ToArray();
        using var one = await client.PostAsJsonAsync($"/api/networks/{network}/predict", new { row = new[] { 155.0, 68 } });
        var single = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outputs")[0][0].GetDouble();

        var direct = (await cluster.Grains.GetGrain<INetworkGrain>(network).Predict(new[] { 128.0, 63, 155, 68 })).Value;
        Assert.Equal(direct, outputs);
        Assert.Equal(direct[1], single);

        var described = await client.Json($"/api/networks/{network}");
        Assert.Equal(120, described.GetProperty("steps").GetInt64());
        Assert.True(described.GetProperty("created").GetDateTime() <= described.GetProperty("lastTrained").GetDateTime());
    }

    [Fact]
    public async Task A_neuron_shows_the_weights_and_bias_its_grain_holds_and_the_silo_it_lives_on()
    {
        using var client = cluster.AuthorizedClient();
        var network = await Trained(client, "gender", 20);
        var neuron = await client.Json($"/api/networks/{network}/neurons/1/1");
        var grain = cluster.Grains.GetGrain<INeuronGrain>(NeuronKeys.Of(network, 1, 1));
        var theta = (await grain.GetParameters()).Theta;

        Assert.Equal(theta[..^1], neuron.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()));
        Assert.Equal(theta[^1], neuron.GetProperty("bias").GetDouble());
        Assert.Equal(await grain.Locate(), neuron.GetProperty("silo").GetString());
        Assert.Equal(80, neuron.GetProperty("calls").GetProperty("backward").GetInt64());
    }

    [Fact]
    public async Task The_cluster_shows_three_silos_and_a_network_s_neurons_spread_over_them()
    {
        using var client = cluster.AuthorizedClient();
        var network = await Trained(client, "iris", 1, layers: "4,12,3");
        var silos = (await client.Json("/api/cluster")).GetProperty("silos").EnumerateArray().ToArray();
        var graph = await client.Json($"/api/networks/{network}/graph");

        Assert.Equal(LiveCluster.Silos, silos.Length);
        Assert.Equal(15, silos.Sum(s => s.GetProperty("networks").TryGetProperty(network, out var n) ? n.GetInt32() : 0));
        Assert.Equal(LiveCluster.Silos, graph.GetProperty("silos").GetArrayLength());
        Assert.Equal(15, graph.GetProperty("neurons").GetArrayLength());
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_and_delete_removes_its_network()
    {
        using var client = cluster.AuthorizedClient();
        var job = await client.StartJob(new { data = "gender", epochs = 1_000_000 });
        var id = job.GetProperty("id").GetString()!;
        var network = job.GetProperty("network").GetString()!;
        using (var cancel = await client.PostAsync($"/api/jobs/{id}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        var events = await client.EventsToEnd(id);
        Assert.Equal("cancelled", events[^1].Data.GetProperty("state").GetString());
        using (var delete = await client.DeleteAsync($"/api/networks/{network}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var gone = await client.GetAsync($"/api/networks/{network}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_classifier_job_has_a_confusion_matrix_over_its_test_data()
    {
        using var client = cluster.AuthorizedClient();
        var job = await client.StartJob(new { data = "mnist", layers = "784,16,10", epochs = 1, batchSize = 64, optimizer = "adam", lr = 0.01 });
        var id = job.GetProperty("id").GetString()!;
        await client.EventsToEnd(id);
        var confusion = await client.Json($"/api/jobs/{id}/confusion?wrong=5");

        var matrix = confusion.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(10, matrix.Length);
        Assert.Equal(2000, matrix.Sum(r => r.Sum()));
        var right = Enumerable.Range(0, 10).Sum(i => matrix[i][i]);
        Assert.Equal(right / 2000.0, confusion.GetProperty("accuracy").GetDouble(), 12);
        var wrong = confusion.GetProperty("wrong").EnumerateArray().ToArray();
        Assert.Equal(5, wrong.Length);
        Assert.All(wrong, w => Assert.Equal(784, w.GetProperty("pixels").GetArrayLength()));
        Assert.All(wrong, w => Assert.NotEqual(w.GetProperty("label").GetString(), w.GetProperty("predicted").GetString()));
    }

    [Fact]
    public async Task A_scaling_that_overflows_is_refused_naming_the_field_and_nothing_is_left_behind()
    {
        using var client = cluster.AuthorizedClient();
        var huge = new NetOrleans.Core.Data.DataSet("huge", [1e308, 1, -1e308, 2, 1e308, 3], [0, 1, 0], 2, 1, ["a", "b"]);
        await DataUploader.Upload(cluster.Grains, "tests/huge", huge);
        var networks = (await client.Json("/api/networks")).GetArrayLength();
        var jobs = (await client.Json("/api/jobs")).GetArrayLength();

        using var response = await client.PostAsJsonAsync("/api/jobs", new { data = "tests/huge", scale = "standard", epochs = 1 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("scale: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("the standard scaling of its column overflows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(networks, (await client.Json("/api/networks")).GetArrayLength());
        Assert.Equal(jobs, (await client.Json("/api/jobs")).GetArrayLength());
    }

    /// <summary>Trains a new network on a built-in data set to the end; its id.</summary>
    public static async Task<string> Trained(HttpClient client, string data, int epochs, string? layers = null)
    {
        var job = await client.StartJob(new { data, epochs, layers });
        await client.EventsToEnd(job.GetProperty("id").GetString()!);
        return job.GetProperty("network").GetString()!;
    }
}
