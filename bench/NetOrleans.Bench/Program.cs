using System.Reflection;
using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Scenarios;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args.Where(a => a != "--list").ToArray());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"netorleans-bench: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (args.Contains("--list"))
{
    foreach (var s in Scenario.All)
    {
        Console.WriteLine($"{s.Name,-10} {s.Description}");
    }

    return 0;
}

var unknown = options.Scenarios.Where(n => Scenario.All.All(s => s.Name != n)).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"netorleans-bench: unknown scenario {string.Join(", ", unknown)} (try --list)");
    return 2;
}

var chosen = options.Scenarios.Count == 0
    ? Scenario.All.Where(s => s.ByDefault).ToArray()
    : Scenario.All.Where(s => options.Scenarios.Contains(s.Name)).ToArray();
await using var context = new BenchContext(options);
if (Assembly.GetExecutingAssembly().GetCustomAttribute<System.Diagnostics.DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
{
    context.Log("WARNING: a Debug build; run with -c Release for numbers worth quoting");
}

var loadBefore = LoadAverage();
context.Log($"scenarios: {string.Join(", ", chosen.Select(s => s.Name))}; {options.Runs} runs after warm-up, medians{(options.Quick ? "; QUICK" : "")}");
foreach (var scenario in chosen)
{
    context.Log($"== {scenario.Name}");
    await scenario.Run(context);
}

Console.WriteLine();
Console.WriteLine($"NetOrleans benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, warm-up of at least {Measure.MinimumWarmup.TotalSeconds:F0} s and {options.Warmups} run(s) until runs stop getting faster, then {options.Runs} runs, medians{(options.Quick ? " (quick)" : "")}");
Console.WriteLine($"load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {LoadAverage()}");
Console.Write(context.Table.ToText(options.Markdown));
return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
