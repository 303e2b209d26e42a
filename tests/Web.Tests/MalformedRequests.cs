namespace NetOrleans.Web.Tests;

/// <summary>
/// A hundred requests the API must refuse with a 4xx: bad JSON, wrong types, unknown fields, unknown networks, jobs
/// and neurons, impossible settings, a huge body, no token or the wrong one, a wrong method or content type.
/// </summary>
public static class MalformedRequests
{
    public static IReadOnlyList<MalformedRequest> For(string network, string job)
    {
        var list = new List<MalformedRequest>();
        var predict = $"/api/networks/{network}/predict";
        string[] badJson = ["{", "}", "{\"rows\": [[1, 2]", "[1, 2]", "null", "\"rows\"", "{rows: [[1, 2]]}", "{\"rows\": [[1, 2]],}", "{\"rows\": [[1 2]]}", "\u0000", "{\"rows\": [[1, 2]]} x", "{'rows': [[1, 2]]}"];
        list.AddRange(badJson.Select(b => new MalformedRequest($"predict, bad JSON {b}", HttpMethod.Post, predict, b)));
        list.AddRange(badJson.Select(b => new MalformedRequest($"start, bad JSON {b}", HttpMethod.Post, "/api/jobs", b)));
        string[] wrongPredict =
        [
            "{\"rows\": \"128,63\"}", "{\"rows\": [[\"128\", 63]]}", "{\"rows\": [[128, true]]}", "{\"rows\": [128, 63]}", "{\"row\": \"128,63\"}",
            "{\"row\": [128]}", "{\"row\": [128, 63, 1]}", "{\"rows\": []}", "{\"rows\": [[128, 63], [1]]}", "{\"rows\": [[128, 63]], \"row\": [1, 2]}",
            "{}", "{\"rowz\": [[128, 63]]}", "{\"rows\": [[128, 63]], \"extra\": 1}", "{\"rows\": [[1e999, 63]]}", "{\"rows\": [[null, 63]]}",
            "{\"rows\": null}", "{\"rows\": [null]}", "{\"row\": {}}", "{\"rows\": {\"a\": 1}}", "{\"rows\": [[\"NaN\", 63]]}",
        ];
        list.AddRange(wrongPredict.Select(b => new MalformedRequest($"predict, wrong body {b}", HttpMethod.Post, predict, b)));
        string[] wrongJobs =
        [
            "{}", "{\"data\": 5}", "{\"data\": null}", "{\"data\": \"nope\"}", "{\"data\": \"gender\", \"epochs\": \"ten\"}",
            "{\"data\": \"gender\", \"epochs\": 0}", "{\"data\": \"gender\", \"epochs\": -3}", "{\"data\": \"gender\", \"epochs\": 1.5}",
            "{\"data\": \"gender\", \"batchSize\": 0}", "{\"data\": \"gender\", \"lr\": \"0.1\"}", "{\"data\": \"gender\", \"lr\": -1}",
            "{\"data\": \"gender\", \"optimizer\": \"adamw\"}", "{\"data\": \"gender\", \"layers\": \"2,x,1\"}", "{\"data\": \"gender\", \"layers\": \"3,2,1\"}",
            "{\"data\": \"gender\", \"layers\": \"2,2,4\"}", "{\"data\": \"gender\", \"layers\": \"2\"}", "{\"data\": \"gender\", \"activation\": \"swish\"}",
            "{\"data\": \"gender\", \"output\": \"softmaxx\"}", "{\"data\": \"gender\", \"loss\": \"hinge\"}", "{\"data\": \"gender\", \"scale\": \"log\"}",
            "{\"data\": \"gender\", \"shuffle\": \"yes\"}", "{\"data\": \"gender\", \"seed\": -1.5}", "{\"data\": \"gender\", \"network\": \"a b/c\"}",
            $"{{\"data\": \"gender\", \"network\": \"{network}\", \"layers\": \"2,2,1\"}}", $"{{\"data\": \"iris\", \"network\": \"{network}\"}}",
            "{\"data\": \"gender\", \"testData\": \"iris\"}", "{\"data\": \"gender\", \"testData\": \"job-0/none\"}", "{\"data\": \"gender\", \"traceBatches\": -1}",
            "{\"data\": \"gender\", \"checkpointSeconds\": -1}", "{\"data\": \"gender\", \"momentum\": 2}", "{\"data\": \"gender\", \"unknown\": 1}",
            "{\"Data\": \"gender\", \"data\": \"gender\", \"epochz\": 3}",
        ];
        list.AddRange(wrongJobs.Select(b => new MalformedRequest($"start, wrong body {b}", HttpMethod.Post, "/api/jobs", b)));
        list.AddRange(
        [
            new("predict, unknown network", HttpMethod.Post, "/api/networks/no-such-network/predict", "{\"row\": [1, 2]}"),
            new("network, unknown", HttpMethod.Get, "/api/networks/no-such-network"),
            new("neuron, unknown network", HttpMethod.Get, "/api/networks/no-such-network/neurons/1/0"),
            new("neuron, layer 0", HttpMethod.Get, $"/api/networks/{network}/neurons/0/0"),
            new("neuron, layer past the last", HttpMethod.Get, $"/api/networks/{network}/neurons/3/0"),
            new("neuron, index past the layer", HttpMethod.Get, $"/api/networks/{network}/neurons/1/2"),
            new("neuron, negative index", HttpMethod.Get, $"/api/networks/{network}/neurons/1/-1"),
            new("neuron, index not a number", HttpMethod.Get, $"/api/networks/{network}/neurons/1/x"),
            new("graph, unknown network", HttpMethod.Get, "/api/networks/no-such-network/graph"),
            new("graph, too many edges", HttpMethod.Get, $"/api/networks/{network}/graph?edges=100000"),
            new("graph, edges not a number", HttpMethod.Get, $"/api/networks/{network}/graph?edges=many"),
            new("surface, unknown data", HttpMethod.Get, $"/api/networks/{network}/surface?data=no/such"),
            new("surface, size 1", HttpMethod.Get, $"/api/networks/{network}/surface?size=1"),
            new("surface, unknown network", HttpMethod.Get, "/api/networks/no-such-network/surface"),
            new("job, unknown", HttpMethod.Get, "/api/jobs/no-such-job"),
            new("events, unknown job", HttpMethod.Get, "/api/jobs/no-such-job/events"),
            new("confusion, unknown job", HttpMethod.Get, "/api/jobs/no-such-job/confusion"),
            new("confusion, not a classifier", HttpMethod.Get, $"/api/jobs/{job}/confusion"),
            new("confusion, too many wrong rows", HttpMethod.Get, $"/api/jobs/{job}/confusion?wrong=1000"),
            new("cancel, unknown job", HttpMethod.Post, "/api/jobs/no-such-job/cancel"),
            new("delete, unknown network", HttpMethod.Delete, "/api/networks/no-such-network"),
            new("start, no token", HttpMethod.Post, "/api/jobs", "{\"data\": \"gender\"}", Token: null),
            new("start, wrong token", HttpMethod.Post, "/api/jobs", "{\"data\": \"gender\"}", Token: "not-the-token"),
            new("cancel, no token", HttpMethod.Post, $"/api/jobs/{job}/cancel", Token: null),
            new("cancel, wrong token", HttpMethod.Post, $"/api/jobs/{job}/cancel", Token: "0000"),
            new("delete, no token", HttpMethod.Delete, $"/api/networks/{network}", Token: null),
            new("delete, wrong token", HttpMethod.Delete, $"/api/networks/{network}", Token: "Bearer"),
            new("predict, huge body", HttpMethod.Post, predict, "{\"rows\": [" + string.Join(",", Enumerable.Repeat("[128.000001, 63.000001]", 60_000)) + "]}"),
            new("start, huge body", HttpMethod.Post, "/api/jobs", "{\"data\": \"" + new string('x', 2_000_000) + "\"}"),
            new("predict, text body", HttpMethod.Post, predict, "128,63", "text/plain"),
            new("start, form body", HttpMethod.Post, "/api/jobs", "data=gender", "application/x-www-form-urlencoded"),
            new("predict, no body", HttpMethod.Post, predict),
            new("networks, wrong method", HttpMethod.Put, "/api/networks"),
            new("jobs, wrong method", HttpMethod.Delete, "/api/jobs"),
            new("predict, wrong method", HttpMethod.Get, predict),
            new("unknown endpoint", HttpMethod.Get, "/api/networks/a/b/c/d/e"),
            new("page, unknown file", HttpMethod.Get, "/assets/no-such-file.js"),
            new("page, path out of the folder", HttpMethod.Get, "/assets/..%2F..%2Fappsettings.json"),
        ]);
        return list;
    }
}
