using System.Net.Sockets;
using System.Net;
using System.Text.Json.Nodes;
using MentorBot.Scheduling;
using MentorBot.Storage;

namespace MentorBot.Playground;

/// <summary>The page and its small JSON API. Mapped only in playground mode, so none of it exists in a normal run.</summary>
public static class PlaygroundEndpoints
{
    public static void MapPlayground(this WebApplication app)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/playground/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/playground/app.css", () => Asset("app.css", "text/css; charset=utf-8"));

        var api = app.MapGroup("/playground/api");
        api.MapGet("/state", (string? user, PlaygroundState state, PlaygroundClock clock) => Results.Json(Snapshot(user, state, clock)));
        api.MapPost("/command", async (JsonObject body, HttpContext http, PlaygroundDriver driver) =>
        {
            if (Person(body) is not { } user) return Results.BadRequest();
            var channel = Channel(body, user);
            var text = body["text"]?.ToString() ?? "";
            if (text.TrimStart().StartsWith('/')) await driver.CommandAsync(Self(http), user, channel, text, http.RequestAborted);
            else if (text.Trim().Length > 0) await driver.MessageAsync(Self(http), user, channel, text.Trim(), http.RequestAborted);
            return Results.Ok(new { ok = true });
        });
        api.MapPost("/action", async (JsonObject body, HttpContext http, PlaygroundDriver driver) =>
        {
            if (Person(body) is not { } user || body["source"] is not JsonObject source || body["action"] is not JsonObject action) return Results.BadRequest();
            var error = await driver.ActionAsync(Self(http), user, source, action, body["values"] as JsonObject, http.RequestAborted);
            return Results.Ok(new { ok = error is null, error });
        });
        api.MapPost("/submit", async (JsonObject body, HttpContext http, PlaygroundDriver driver) =>
        {
            if (Person(body) is not { } user || body["view_id"]?.ToString() is not { } viewId) return Results.BadRequest();
            var error = await driver.SubmitAsync(Self(http), user, viewId, body["values"] as JsonObject ?? new JsonObject(), http.RequestAborted);
            return Results.Ok(new { ok = error is null, error });
        });
        api.MapPost("/close", async (JsonObject body, HttpContext http, PlaygroundDriver driver) =>
        {
            if (Person(body) is not { } user || body["view_id"]?.ToString() is not { } viewId) return Results.BadRequest();
            await driver.CloseAsync(Self(http), user, viewId, http.RequestAborted);
            return Results.Ok(new { ok = true });
        });
        api.MapPost("/home", async (JsonObject body, HttpContext http, PlaygroundDriver driver) =>
        {
            if (Person(body) is not { } user) return Results.BadRequest();
            await driver.OpenHomeAsync(Self(http), user, http.RequestAborted);
            return Results.Ok(new { ok = true });
        });
        api.MapPost("/clock", async (JsonObject body, PlaygroundClock clock, PeriodicJobs jobs, PlaygroundState state, HttpContext http) =>
        {
            var hours = body["hours"]?.GetValue<int>() ?? 0;
            if (hours is < 1 or > 24 * 31) return Results.BadRequest();
            // Hour by hour, running the scheduler each time, so every prompt due on the way is sent as it would be.
            for (var i = 0; i < hours; i++)
            {
                clock.Advance(TimeSpan.FromHours(1));
                await jobs.RunOnceAsync(http.RequestAborted);
            }
            lock (state.Gate) state.Changed();
            return Results.Ok(new { ok = true, now = clock.GetUtcNow() });
        });
        api.MapPost("/sample-programme", async (HttpContext http, SampleProgramme sample, PlaygroundState state) =>
        {
            await sample.SignUpAsync(Self(http), http.RequestAborted);
            lock (state.Gate) state.Changed();
            return Results.Ok(new { ok = true, signedUp = Workspace.Sample.Count });
        });
        api.MapPost("/reset", (PlaygroundState state, PlaygroundClock clock, MentorDb db) =>
        {
            lock (state.Gate)
            {
                db.DeleteEverything();
                clock.Reset();
                state.Clear();
            }
            return Results.Ok(new { ok = true });
        });
        app.MapGet("/playground/files/{id}", (string id, PlaygroundState state) =>
        {
            lock (state.Gate)
                return state.Files.TryGetValue(id, out var file) ? Results.File(file.Content, "application/octet-stream", file.Name) : Results.NotFound();
        });
    }

    private static object Snapshot(string? user, PlaygroundState state, PlaygroundClock clock)
    {
        lock (state.Gate)
        {
            var messages = state.Messages
                .Where(m => m.VisibleTo is null || m.VisibleTo == user)
                .Where(m => m.Channel == Workspace.ChannelId || m.Channel == "D" + user)
                .Select(m => new
                {
                    m.Channel, m.Ts, m.UserId, m.Text, blocks = m.Blocks?.DeepClone(), ephemeral = m.VisibleTo is not null, m.Edited, at = m.At,
                    file = m.FileId is not null && state.Files.TryGetValue(m.FileId, out var f) ? new { f.Id, f.Name, f.Title, size = f.Content.Length } : null,
                }).ToList(); // serialised after the lock is released: take a copy now
            var modals = user is null ? [] : state.ModalsOf(user).Select(v => new { v.Id, v.Hash, view = v.View.DeepClone(), errors = v.Errors?.DeepClone() }).ToList();
            var home = user is not null && state.Homes.TryGetValue(user, out var h) ? new { h.Id, h.Hash, view = h.View.DeepClone(), errors = h.Errors?.DeepClone() } : null;
            return new
            {
                state.Version, now = clock.GetUtcNow(), offsetHours = clock.Offset.TotalHours,
                people = (state.SampleAdded ? Workspace.Everyone : Workspace.People).Select(p => new { p.Id, p.Name, p.Role, p.TimeZone, p.IsAdmin, dm = p.DmChannel }),
                bot = new { id = Workspace.BotUserId, name = Workspace.Bot.Name },
                channel = new { id = Workspace.ChannelId, name = Workspace.ChannelName },
                messages, modals, home,
                apiLog = state.ApiLog.TakeLast(40).Reverse().ToList(),
            };
        }
    }

    private static string? Person(JsonObject body) => Workspace.Everyone.FirstOrDefault(p => p.Id == body["user"]?.ToString())?.Id;

    private static string Channel(JsonObject body, string user) =>
        body["channel"]?.ToString() == Workspace.ChannelId ? Workspace.ChannelId : "D" + user;

    /// <summary>This app as the browser reached it: the stand-in posts signed requests back to the same listener.</summary>
    private static Uri Self(HttpContext http)
    {
        var ip = http.Connection.LocalIpAddress ?? IPAddress.Loopback;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var host = ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        return new Uri($"{http.Request.Scheme}://{host}:{http.Connection.LocalPort}/");
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(PlaygroundEndpoints).Assembly.GetManifestResourceStream("MentorBot.Playground.Web." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
