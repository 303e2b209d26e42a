namespace NetOrleans.Grains;

/// <summary>Names of the storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Grain state: memory when embedded, Redis in a durable cluster.</summary>
    public const string Store = "store";
}
