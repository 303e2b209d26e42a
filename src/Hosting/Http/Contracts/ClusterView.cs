namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>The cluster: its silos with the neurons each hosts, and how many networks and jobs it holds.</summary>
public sealed record ClusterView(SiloView[] Silos, int Networks, int Jobs, string? Dashboard);
