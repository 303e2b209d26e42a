namespace NetOrleans.Core.Data;

/// <summary>The data sets that ship with NetOrleans, by name.</summary>
public static class BuiltInDataSets
{
    /// <summary>Every built-in name.</summary>
    public static readonly IReadOnlyList<string> Names = ["gender", "xor", "iris", "mnist"];

    /// <summary>Fisher's Iris in the data folder: 150 x 4 features, 3 species.</summary>
    public const string IrisFile = "iris.csv";

    /// <summary>10,000 MNIST images (IDX3, gzip) in the data folder.</summary>
    public const string MnistImagesFile = "mnist10k-images-idx3-ubyte.gz";

    /// <summary>Their labels (IDX1, gzip).</summary>
    public const string MnistLabelsFile = "mnist10k-labels-idx1-ubyte.gz";

    /// <summary>MNIST records 0 .. 7999 train; the rest are the fixed test split.</summary>
    public const int MnistTrainCount = 8000;

    /// <summary>
    /// The tutorial's four people: weight (lb), height (in) -> female (1) or male (0), with the tutorial's shift
    /// (135, 66) as the suggested input shift, so that models take raw units.
    /// </summary>
    public static DataSet Gender() => new(
        "gender",
        [133, 65, 160, 72, 152, 70, 120, 60],
        [1, 0, 0, 1],
        2,
        1,
        ["weight", "height"])
    {
        InputShift = [135, 66],
        InputScale = [1, 1],
    };

    /// <summary>Exclusive or: (0,0) -> 0, (0,1) -> 1, (1,0) -> 1, (1,1) -> 0.</summary>
    /// <remarks>Two classes "0" and "1" in one target column, for one sigmoid output.</remarks>
    public static DataSet Xor() => new("xor", [0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], 2, 1, ["x1", "x2"], ["0", "1"]);

    /// <summary>
    /// Fisher's Iris from data/iris.csv: 150 x 4 features (sepal and petal length and width, cm) -> 150 x 3
    /// one-hot species, classes in the order they first appear in the file.
    /// </summary>
    public static DataSet Iris() => CsvReader.Read(DataFile(IrisFile)) with { Name = "iris" };

    /// <summary>
    /// MNIST digits from data/: records 0 .. 7999 (8000 x 784 pixels in [0, 1] -> 8000 x 10 one-hot, classes
    /// "0" .. "9"), with records 8000 .. 9999 as <see cref="DataSet.Test"/>.
    /// </summary>
    public static DataSet Mnist()
    {
        var all = IdxReader.ReadDataSet(DataFile(MnistImagesFile), DataFile(MnistLabelsFile), "mnist");
        if (all.Count <= MnistTrainCount)
        {
            throw new DataFormatException($"{DataFile(MnistImagesFile)}: {all.Count} images, need more than {MnistTrainCount} (records 0 .. {MnistTrainCount - 1} train, the rest test)");
        }

        var test = all.Select(Enumerable.Range(MnistTrainCount, all.Count - MnistTrainCount).ToArray(), "mnist:test");
        return all.Select(Enumerable.Range(0, MnistTrainCount).ToArray()) with { Test = test };
    }

    /// <summary>The built-in data set called <paramref name="name"/>, or null when there is none.</summary>
    public static DataSet? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "gender" => Gender(),
        "xor" => Xor(),
        "iris" => Iris(),
        "mnist" => Mnist(),
        _ => null,
    };

    /// <summary>
    /// The project's data folder: AppContext.BaseDirectory/data (where builds copy it), else the first folder
    /// named data that holds iris.csv in the current directory or one of its parents; null when there is none.
    /// </summary>
    public static string? FindDataDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (File.Exists(Path.Combine(beside, IrisFile)))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, IrisFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of <paramref name="fileName"/> in the data folder; no data folder is a <see cref="DataFormatException"/>.</summary>
    public static string DataFile(string fileName)
    {
        var dir = FindDataDirectory() ?? throw new DataFormatException(
            $"cannot find the data folder: looked for {IrisFile} in {Path.Combine(AppContext.BaseDirectory, "data")} and in a folder named data in {Environment.CurrentDirectory} or above");
        return Path.Combine(dir, fileName);
    }
}
