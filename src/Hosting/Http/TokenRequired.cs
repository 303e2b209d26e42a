using Microsoft.AspNetCore.Http;

namespace NetOrleans.Hosting.Http;

/// <summary>An endpoint filter: the call changes state, so it needs "Authorization: Bearer TOKEN" (401 without it, 403 with another).</summary>
public sealed class TokenRequired(ApiToken token) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            throw new ApiProblemException(StatusCodes.Status401Unauthorized,
                "this call changes state: send Authorization: Bearer TOKEN (the token the silo printed at start, or the ?token= of the page's link)");
        }

        return token.Accepts(header)
            ? next(context)
            : throw new ApiProblemException(StatusCodes.Status403Forbidden, "Authorization: the bearer token is not this silo's");
    }
}
