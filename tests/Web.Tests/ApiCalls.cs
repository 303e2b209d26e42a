using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NetOrleans.Web.Tests;

/// <summary>The calls the tests make often: start a job, read its event stream to the end, read JSON.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> Json(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>POST /api/jobs with <paramref name="body"/>; the job as it started.</summary>
    public static async Task<JsonElement> StartJob(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/jobs", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"POST /api/jobs: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every event of /api/jobs/{id}/events until 'end', as (name, data).</summary>
    public static async Task<List<(string Name, JsonElement Data)>> EventsToEnd(this HttpClient client, string job)
    {
        using var response = await client.GetAsync($"/api/jobs/{job}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var events = new List<(string, JsonElement)>();
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                events.Add((name, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
                if (name == "end")
                {
                    break;
                }
            }
        }

        return events;
    }
}
