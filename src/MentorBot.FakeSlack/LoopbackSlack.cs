using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.FakeSlack;

/// <summary>What a stand-in Slack does with each kind of request MentorBot sends it.</summary>
public interface ISlackBehaviour
{
    /// <summary>A Web API call: <c>POST /api/{method}</c> with the bot's bearer token and form or JSON arguments.</summary>
    Task AnswerApiAsync(string method, string? token, JsonObject args, HttpContext http);

    /// <summary>A post to a response_url MentorBot was handed (<c>POST /response/{id}</c>).</summary>
    Task AnswerResponseUrlAsync(string id, JsonObject args, HttpContext http);

    /// <summary>The bytes of a file upload (<c>POST /upload/{id}</c>, Slack's external upload flow).</summary>
    Task AnswerUploadAsync(string id, byte[] content, HttpContext http);
}

/// <summary>
/// The Slack Web API's shape on a loopback port: the routes MentorBot calls, arguments read the way Slack reads them
/// (form fields, JSON bodies, JSON inside form fields), and the bearer token. The playground's stand-in and the tests'
/// fake are this server with their own <see cref="ISlackBehaviour"/>; MentorBot's Slack:ApiBaseUrl points at it.
/// </summary>
public sealed class LoopbackSlack : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackSlack(WebApplication app, string root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>Where it listens, ending in a slash.</summary>
    public string Root { get; }

    /// <summary>The value for Slack:ApiBaseUrl.</summary>
    public string ApiBaseUrl => Root + "api/";

    public string ResponseUrl(string id) => Root + "response/" + id;

    public string UploadUrl(string id) => Root + "upload/" + id;

    /// <summary>Starts on a free loopback port, or on <paramref name="port"/>; <paramref name="configure"/> may add routes (WebSockets).</summary>
    public static async Task<LoopbackSlack> StartAsync(ISlackBehaviour behaviour, int port = 0, Action<WebApplication>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        configure?.Invoke(app);
        app.MapPost("/api/{method}", async (string method, HttpContext http) =>
            await behaviour.AnswerApiAsync(method, BearerToken(http.Request), await ReadArgsAsync(http.Request), http));
        app.MapPost("/response/{id}", async (string id, HttpContext http) =>
            await behaviour.AnswerResponseUrlAsync(id, await ReadArgsAsync(http.Request), http));
        app.MapPost("/upload/{id}", async (string id, HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            await behaviour.AnswerUploadAsync(id, buffer.ToArray(), http);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackSlack(app, address.TrimEnd('/') + "/");
    }

    public static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;

    /// <summary>Form fields or a JSON body; structured form fields (blocks, view, files) arrive as JSON strings, as Slack allows.</summary>
    public static async Task<JsonObject> ReadArgsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var args = new JsonObject();
            foreach (var (key, value) in form) args[key] = ParseMaybeJson(value.ToString());
            return args;
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        try
        {
            return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject(); // Slack answers a broken body with an error; the behaviour sees no arguments
        }
    }

    private static JsonNode? ParseMaybeJson(string value)
    {
        if (value.StartsWith('[') || value.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
            }
        }
        return JsonValue.Create(value);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
