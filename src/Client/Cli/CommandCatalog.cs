using NetOrleans.Client.Telemetry;

namespace NetOrleans.Client.Cli;

/// <summary>
/// Every command of the console with every option it takes, its one-line help and its default: the single list the
/// parser (<see cref="CommandTree"/>) and the generated <c>--help</c> are made from.
/// </summary>
public static class CommandCatalog
{
    private static readonly CommandOption Gateway = new("--gateway", "HOST:PORT",
        "a silo gateway of a running cluster (repeatable); without it, NETORLEANS_GATEWAY or a silo in this process");

    private static readonly CommandOption Tracing = new(CommandTelemetry.Option, "console|console-full|file:PATH[,orleans]",
        "spans: one line each on standard error, in full on standard output, or as JSON lines in a file (orleans: Orleans' own too)");

    private static readonly CommandOption Seed = new("--seed", "N", "the seed of initial weights, shuffling and splits", "1");

    private static readonly CommandOption Layers = new("--layers", "SIZES", "layer sizes, inputs first, e.g. 784,64,10",
        "FEATURES,2,TARGETS for train");

    private static readonly CommandOption Activation = new("--activation", "sigmoid|relu|tanh|linear", "activation of the hidden layers", "sigmoid");

    private static readonly CommandOption Output = new("--output", "sigmoid|softmax|linear|relu|tanh",
        "activation of the output layer", "softmax for classes, sigmoid for targets in [0,1], else linear");

    private static readonly CommandOption Loss = new("--loss", "mse|cross-entropy", "the loss", "cross-entropy for softmax, else mse");

    private static readonly CommandOption Label = new("--label", "COLUMN", "the CSV column that holds the label", "the last column");

    private static readonly CommandOption Model = new("--model", "MODEL.json", "a model file written by --out or networks export");

    private static readonly CommandOption Network = new("--network", "ID", "a network stored in the cluster");

    /// <summary>netorleans train.</summary>
    public static readonly CommandSpec Train = new("train",
        "Train a network: on a silo in this process, or as a job on a cluster (--gateway).", null,
        [
            new("--data", "SOURCE", "gender, xor, iris, mnist, a CSV file or an IDX image file (FILE-idx3-ubyte[.gz]); required"),
            Label,
            new("--model", "INIT.json", "start from this model file instead of --layers"),
            Layers, Activation, Output, Loss, Seed,
            new("--epochs", "N", "passes over the training data", "1000"),
            new("--lr", "RATE", "learning rate", "0.1"),
            new("--batch-size", "N", "samples per step", "1"),
            new("--optimizer", "sgd|momentum|adam", "the optimizer", "sgd"),
            new("--momentum", "BETA", "momentum's decay", "0.9"),
            new("--beta1", "BETA1", "Adam's first-moment decay", "0.9"),
            new("--beta2", "BETA2", "Adam's second-moment decay", "0.999"),
            new("--eps", "EPSILON", "Adam's epsilon", "1e-8"),
            CommandOption.Flag("--shuffle", "shuffle the samples every epoch (on by default when --batch-size > 1)"),
            CommandOption.Flag("--no-shuffle", "keep the samples in file order"),
            new("--scale", "none|standard|minmax", "scaling of the inputs, fitted on the training split", "none"),
            new("--test-fraction", "F", "hold out this fraction of the data as a test split, stratified", "0 (the data set's own test split, if any)"),
            new("--out", "MODEL.json", "write the trained model here", "nothing written (outputs/ in the README's examples)"),
            new("--plot", "CURVES.svg|.png", "write the loss (and accuracy) curves here"),
            new("--network", "ID", "the network's id in the cluster (train it further when it exists)", "a new id"),
            new("--predict", "X1,X2", "predict these inputs after training (repeatable; X1 X2 works too)"),
            Gateway,
            CommandOption.Flag("--detach", "start the job on the cluster and return at once (needs --gateway)"),
            Tracing,
            new("--trace-batches", "first|N|all", "which batches are traced", "first"),
            new("--checkpoint-seconds", "S", "checkpoint after an epoch once S seconds have passed (0: every epoch)", "5"),
            new("--storage-timeout", "S", "how long a job waits, paused, for lost storage before it fails", "60"),
            CommandOption.Flag("--view", "serve the live page and the HTTP API while it trains, and print the page's link"),
            CommandOption.Flag("--view-keep", "with --view: keep serving after training, until Ctrl-C"),
            new("--view-port", "PORT", "with --view: the page's port (0: any free port)", "8081, or a free port when 8081 is taken"),
        ],
        ["--predict"]);

    /// <summary>netorleans predict.</summary>
    public static readonly CommandSpec Predict = new("predict",
        "Predict one row (X1 X2 ... or X1,X2) or every row of --data FILE.csv.", "X1 X2 ...",
        [Model, Network, new("--data", "FILE.csv", "predict every row of this file, printed as a table"), Label, Gateway, Tracing],
        []);

    /// <summary>netorleans explain.</summary>
    public static readonly CommandSpec Explain = new("explain",
        "Show one forward pass neuron by neuron (and, with --target, the backward pass).", "X1 X2 ...",
        [Model, Network, new("--target", "Y1,Y2|CLASS", "the target, to show the gradients a training step would take"), Gateway],
        []);

    /// <summary>netorleans evaluate.</summary>
    public static readonly CommandSpec Evaluate = new("evaluate",
        "Loss, accuracy and a confusion table of a model on a data set.", null,
        [
            Model, Network,
            new("--data", "SOURCE", "the data set, as for train; required"),
            Label,
            new("--split", "test|train|all", "which split to evaluate", "test when the data set has one, else all"),
            new("--test-fraction", "F", "split as train did, to evaluate its held-out part"),
            Seed, Gateway,
        ],
        []);

    /// <summary>netorleans networks.</summary>
    public static readonly CommandSpec Networks = new("networks",
        "The networks stored in a cluster: list, show ID, create ID, export ID FILE, import FILE, delete ID, checkpoint ID.",
        "list | show ID | create ID | export ID FILE | import FILE | delete ID | checkpoint ID",
        [
            Gateway,
            new("--network", "ID", "import: the id to store the file under", "the file's name"),
            new("--top", "N", "show: the largest weights listed per layer", "3"),
            Layers, Activation,
            new("--output", "sigmoid|softmax|linear|relu|tanh", "create: activation of the output layer", "as --activation"),
            new("--loss", "mse|cross-entropy", "create: the loss", "cross-entropy for softmax, else mse"),
            Seed,
        ],
        []);

    /// <summary>netorleans jobs.</summary>
    public static readonly CommandSpec Jobs = new("jobs",
        "The training jobs of a cluster: list, watch ID, cancel ID.", "list | watch ID | cancel ID",
        [Gateway],
        []);

    /// <summary>netorleans trace.</summary>
    public static readonly CommandSpec Trace = new("trace",
        "The neuron spans of a file written by --trace file:PATH, as a table: per neuron, or one neuron's spans.", "SPANS.jsonl",
        [
            new("--neuron", "L1/N0", "one neuron's spans, one row each (layer counted from 1, neuron from 0)", "a summary row per neuron"),
            new("--network", "ID", "only the spans of this network", "every network in the file"),
        ],
        []);

    /// <summary>Every command, in the order help lists them.</summary>
    public static readonly IReadOnlyList<CommandSpec> All = [Train, Predict, Explain, Evaluate, Networks, Jobs, Trace];
}
