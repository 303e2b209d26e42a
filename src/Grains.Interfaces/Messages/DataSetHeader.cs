namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What a data set held in the cluster is: N samples of n features and k targets.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.DataSetHeader")]
public sealed record DataSetHeader(string Name, int Count, int Features, int Targets, string[] FeatureNames, string[]? Classes);
