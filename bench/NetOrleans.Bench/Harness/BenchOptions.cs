namespace NetOrleans.Bench.Harness;

/// <summary>The command line: which scenarios, how many runs, and how to print.</summary>
/// <param name="Scenarios">the scenario names to run, in order</param>
/// <param name="Quick">smaller sizes and fewer runs: a smoke test of the harness, not numbers to quote</param>
/// <param name="Runs">measured runs per row</param>
/// <param name="Warmups">unmeasured runs before them</param>
/// <param name="Markdown">print the table as Markdown</param>
/// <param name="SiloDll">the silo program for the multi-silo scenario</param>
/// <param name="Redis">HOST:PORT of a Redis the memory scenario of a neuron keeps its grain state in, or null for memory storage</param>
public sealed record BenchOptions(IReadOnlyList<string> Scenarios, bool Quick, int Runs, int Warmups, bool Markdown, string SiloDll, string? Redis = null)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/NetOrleans.Bench -- [options]
          --scenario NAME[,NAME]  run only these (default: every scenario but profile); --list shows them
          --quick                 smaller sizes, 3 runs: checks the harness, not numbers to quote
          --runs N                measured runs per row (default 5, quick 3)
          --warmup N              unmeasured runs first (default 1; warm-up also lasts 4 s and until runs stop getting faster)
          --markdown              print the table as Markdown
          --silo-dll PATH         NetOrleans.Silo.dll for the 3-silo scenario (default: the one built beside this program)
          --redis HOST:PORT       grain state in this Redis for the neuron-memory scenario (default: memory storage)
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var scenarios = new List<string>();
        var quick = false;
        int? runs = null;
        var warmups = 1;
        var markdown = false;
        var siloDll = Path.Combine(AppContext.BaseDirectory, "NetOrleans.Silo.dll");
        string? redis = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
            switch (args[i])
            {
                case "--scenario" or "-s":
                    scenarios.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--runs":
                    runs = Count("--runs", Value(), 1);
                    break;
                case "--warmup":
                    warmups = Count("--warmup", Value(), 0);
                    break;
                case "--markdown":
                    markdown = true;
                    break;
                case "--silo-dll":
                    siloDll = Value();
                    break;
                case "--redis":
                    redis = Value();
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new BenchOptions(scenarios, quick, runs ?? (quick ? 3 : 5), warmups, markdown, siloDll, redis);
    }

    private static int Count(string name, string value, int min) =>
        int.TryParse(value, out var n) && n >= min ? n : throw new ArgumentException($"{name}: '{value}' is not a whole number >= {min}");
}
