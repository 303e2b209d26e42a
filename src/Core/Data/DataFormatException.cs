namespace NetOrleans.Core.Data;

/// <summary>A data file that cannot be read; the message names the file, the line and what is wrong.</summary>
public sealed class DataFormatException(string message) : Exception(message);
