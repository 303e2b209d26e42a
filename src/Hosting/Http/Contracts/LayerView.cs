namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>Layer l: n_l neurons and their activation.</summary>
public sealed record LayerView(int Size, string Activation);
