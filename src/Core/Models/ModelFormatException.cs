namespace NetOrleans.Core.Models;

/// <summary>A model file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class ModelFormatException(string message) : Exception(message);
