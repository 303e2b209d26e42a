using System.Text.Json;
using Microsoft.Playwright;
using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Web.Tests;

/// <summary>The live page in a real browser (Debian's Chromium), checked the way a person would look at it.</summary>
[Collection(WebCollection.Name)]
public sealed class PageTests(LiveCluster cluster)
{
    private static readonly float Timeout = 60_000;

    [Fact]
    public async Task The_gender_network_trains_on_the_page_with_a_growing_curve_its_three_neurons_and_a_surface_that_tells_Emily_from_Frank()
    {
        using var client = cluster.AuthorizedClient();
        var job = await client.StartJob(new { data = "gender", epochs = 100_000 });
        var (id, network) = (job.GetProperty("id").GetString()!, job.GetProperty("network").GetString()!);
        var page = await Open($"#job={id}");

        // The curve gains points while the job runs: a later reading has more than an earlier one, and the job still runs.
        var first = await WaitForLossPoints(page, 20);
        var later = await WaitForLossPoints(page, first + 50);
        Assert.True(later > first);
        Assert.Equal("running", (await client.Json($"/api/jobs/{id}")).GetProperty("state").GetString());
        await Screenshots.Save(page, "gender-training");

        using (var cancel = await client.PostAsync($"/api/jobs/{id}/cancel", null))
        {
            cancel.EnsureSuccessStatusCode();
        }

        await page.WaitForFunctionAsync("() => document.getElementById('job-state').textContent === 'cancelled'", null, new() { Timeout = Timeout });

        // The diagram: exactly the network's 3 neurons (and 2 inputs), each on the silo the API names.
        var graph = await client.Json($"/api/networks/{network}/graph");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#diagram circle.neuron').length === n", 3, new() { Timeout = Timeout });
        Assert.Equal(2, await page.Locator("#diagram circle.input").CountAsync());
        var drawnSilos = await page.EvalOnSelectorAllAsync<string[]>("#diagram circle.neuron", "cs => cs.map(c => c.dataset.layer + '/' + c.dataset.index + '@' + c.dataset.silo)");
        var apiSilos = graph.GetProperty("neurons").EnumerateArray().Select(n => $"{n.GetProperty("layer")}/{n.GetProperty("index")}@{n.GetProperty("silo").GetString()}");
        Assert.Equal(apiSilos.Order(), drawnSilos.Order());

        // A clicked neuron shows the weights its grain holds.
        await page.Locator("#diagram circle.neuron[data-layer='1'][data-index='0']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('neuron-panel').dataset.weights !== undefined", null, new() { Timeout = Timeout });
        var shown = JsonSerializer.Deserialize<double[]>(await page.Locator("#neuron-panel").GetAttributeAsync("data-weights") ?? "[]");
        var held = (await cluster.Grains.GetGrain<INeuronGrain>(NeuronKeys.Of(network, 1, 0)).GetParameters()).Theta;
        Assert.Equal(held[..^1], shown);

        // The decision surface: Emily (128 lb, 63 in) on the blue side (output near 1, female), Frank (155, 68) on the orange.
        await page.WaitForFunctionAsync("() => window.netorleans.state.surface !== null", null, new() { Timeout = Timeout });
        var emily = await SurfaceColour(page, 128, 63);
        var frank = await SurfaceColour(page, 155, 68);
        Assert.True(emily[2] > emily[0], $"Emily's pixel should be blue, is rgb({string.Join(",", emily)})");
        Assert.True(frank[0] > frank[2], $"Frank's pixel should be orange, is rgb({string.Join(",", frank)})");
        await Screenshots.Save(page, "gender-neuron");
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_MNIST_job_shows_its_neurons_on_three_silos_a_first_layer_neuron_as_an_image_and_a_confusion_matrix()
    {
        using var client = cluster.AuthorizedClient();
        var job = await client.StartJob(new { data = "mnist", layers = "784,24,10", epochs = 2, batchSize = 32, optimizer = "adam", lr = 0.005 });
        var id = job.GetProperty("id").GetString()!;
        await client.EventsToEnd(id);
        var page = await Open($"#job={id}");

        await page.WaitForFunctionAsync("() => document.querySelectorAll('#diagram circle.neuron').length === 34", null, new() { Timeout = Timeout });
        Assert.Equal(784, await page.Locator("#diagram circle.input").CountAsync());
        var silos = await page.EvalOnSelectorAllAsync<string[]>("#diagram circle.neuron", "cs => [...new Set(cs.map(c => c.getAttribute('fill')))]");
        Assert.Equal(LiveCluster.Silos, silos.Length);
        Assert.Equal(LiveCluster.Silos, await page.Locator("#silo-legend .silo").CountAsync());

        await page.WaitForFunctionAsync("() => document.querySelectorAll('#confusion td').length === 100", null, new() { Timeout = Timeout });
        Assert.True(await page.Locator("#misclassified canvas").CountAsync() > 0);

        await page.Locator("#diagram circle.neuron[data-layer='1'][data-index='0']").ClickAsync();
        await page.WaitForFunctionAsync("() => !document.getElementById('weights-image').hidden", null, new() { Timeout = Timeout });
        Assert.True(await page.Locator("#weights-box").IsHiddenAsync());
        await Screenshots.Save(page, "mnist-three-silos");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_job_started_from_the_page_without_the_token_is_refused_and_nothing_starts()
    {
        using var client = cluster.Client();
        var jobs = (await client.Json("/api/jobs")).GetArrayLength();
        var page = await (await cluster.Browser()).NewPageAsync();
        await page.GotoAsync(cluster.BaseAddress.ToString());
        await page.EvaluateAsync("() => sessionStorage.clear()");
        await page.ReloadAsync();
        await page.Locator("#start-form button[type=submit]").ClickAsync();

        await page.WaitForFunctionAsync("() => document.getElementById('start-result').textContent.length > 0", null, new() { Timeout = Timeout });
        Assert.Contains("Authorization: Bearer", await page.Locator("#start-result").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Equal("token: none (read-only)", await page.Locator("#token-state").TextContentAsync());
        Assert.Equal(jobs, (await client.Json("/api/jobs")).GetArrayLength());
        await page.CloseAsync();
    }

    /// <summary>The page with the token in its link, as the silo prints it, at <paramref name="fragment"/>.</summary>
    private async Task<IPage> Open(string fragment)
    {
        var page = await (await cluster.Browser()).NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{cluster.BaseAddress}?token={cluster.Token.Value}{fragment}");
        return page;
    }

    /// <summary>Waits until the loss curve holds at least <paramref name="points"/> points; how many it holds then.</summary>
    private static async Task<int> WaitForLossPoints(IPage page, int points)
    {
        const string count = "() => { const c = Chart.getChart('loss-chart'); return c ? c.data.datasets[0].data.length : 0; }";
        await page.WaitForFunctionAsync($"n => ({count})() >= n", points, new() { Timeout = Timeout });
        return await page.EvaluateAsync<int>(count);
    }

    /// <summary>The colour the surface canvas shows at the data point (x, y).</summary>
    private static Task<int[]> SurfaceColour(IPage page, double x, double y) => page.EvaluateAsync<int[]>(
        "([x, y]) => { const [px, py] = window.netorleans.surfacePixel(x, y); return [...document.getElementById('surface').getContext('2d').getImageData(Math.round(px), Math.round(py), 1, 1).data].slice(0, 3); }",
        new[] { x, y });
}
