using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>A data set as stored: its manifest only (the rows are in its chunk grains), written once every chunk is stored.</summary>
[GenerateSerializer, Alias("NetOrleans.DataSetState")]
public sealed class DataSetState
{
    /// <summary>The complete data set, or null. (Ids 0-2 held the whole data set in one state, which outgrew Orleans' messages.)</summary>
    [Id(3)] public DataSetManifest? Manifest { get; set; }
}
