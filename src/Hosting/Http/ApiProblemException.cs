namespace NetOrleans.Hosting.Http;

/// <summary>A request the API refuses: its HTTP status and a one-line detail that names the field or the thing at fault.</summary>
public sealed class ApiProblemException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}
