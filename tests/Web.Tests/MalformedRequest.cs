using System.Net.Http.Headers;
using System.Text;

namespace NetOrleans.Web.Tests;

/// <summary>One request the API must refuse: what it is, and how to send it.</summary>
public sealed record MalformedRequest(string What, HttpMethod Method, string Path, string? Body = null, string ContentType = "application/json", string? Token = "")
{
    /// <summary>Sends it; <see cref="Token"/> "" means the right token, null none, anything else that token.</summary>
    public HttpRequestMessage Message(string rightToken)
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }

        var token = Token == "" ? rightToken : Token;
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return message;
    }

    public override string ToString() => $"{What}: {Method} {Path}";
}
