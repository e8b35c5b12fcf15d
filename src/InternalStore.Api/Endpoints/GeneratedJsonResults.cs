using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace InternalStore.Api.Endpoints;

/// <summary>
/// A 200 whose body is written by the source-generated serializer's fast path (<see cref="ApiJsonContext"/>).
/// <c>Ok&lt;T&gt;</c> serializes with the API's shared options, which cannot take that path: ASP.NET Core
/// chains its own generated contexts into them (problem details, OpenAPI) with other settings, and one
/// such context turns the fast path off for every type. Same status, body and OpenAPI metadata as Ok&lt;T&gt;.
/// </summary>
public sealed class GeneratedOk<T>(T value, JsonTypeInfo<T> typeInfo)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    public T Value => value;
    public int StatusCode => StatusCodes.Status200OK;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => GeneratedJson.WriteAsync(httpContext, StatusCode, value, typeInfo);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>A 201 with a Location header, written like <see cref="GeneratedOk{T}"/>.</summary>
public sealed class GeneratedCreated<T>(string location, T value, JsonTypeInfo<T> typeInfo)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    public T Value => value;
    public string Location => location;
    public int StatusCode => StatusCodes.Status201Created;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return GeneratedJson.WriteAsync(httpContext, StatusCode, value, typeInfo);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(T), ["application/json"]));
}

internal static class GeneratedJson
{
    public static Task WriteAsync<T>(HttpContext httpContext, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        httpContext.Response.StatusCode = statusCode;
        return httpContext.Response.WriteAsJsonAsync(value, typeInfo, contentType: "application/json; charset=utf-8",
            httpContext.RequestAborted);
    }
}
