namespace NetOrleans.Cluster.Tests;

/// <summary>Every bad-input row: network, data set, job and neuron grains through the cluster, then model, CSV and IDX files.</summary>
public static class BadInputTable
{
    public static IReadOnlyList<BadInput> All { get; } =
    [
        .. NetworkBadInputs.Rows(),
        .. DataSetBadInputs.Rows(),
        .. JobBadInputs.Rows(),
        .. NeuronBadInputs.Rows(),
        .. FileBadInputs.Rows(),
    ];

    /// <summary>The rows' names, for [MemberData].</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var row in All)
            {
                names.Add(row.Name);
            }

            return names;
        }
    }

    public static BadInput Find(string name) => All.Single(row => row.Name == name);

    /// <summary>The row's name as an id part: lower case letters and digits, the rest dashes.</summary>
    public static string Slug(BadInput row) =>
        new string(row.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
