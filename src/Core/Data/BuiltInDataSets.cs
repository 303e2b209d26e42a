namespace NetOrleans.Core.Data;

/// <summary>The data sets that ship with NetOrleans, by name.</summary>
public static class BuiltInDataSets
{
    /// <summary>Every built-in name.</summary>
    public static readonly IReadOnlyList<string> Names = ["gender", "xor"];

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
    public static DataSet Xor() => new("xor", [0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], 2, 1, ["x1", "x2"]);

    /// <summary>The built-in data set called <paramref name="name"/>, or null.</summary>
    public static DataSet? Find(string name) => name switch
    {
        "gender" => Gender(),
        "xor" => Xor(),
        _ => null,
    };
}
