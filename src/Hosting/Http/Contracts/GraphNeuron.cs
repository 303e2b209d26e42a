namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>Neuron i of layer l, its silo and bias, its strongest incoming edges and how many others it has.</summary>
public sealed record GraphNeuron(int Layer, int Index, string Silo, double Bias, GraphEdge[] Edges, int OtherEdges);
