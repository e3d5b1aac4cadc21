using System.Collections.Concurrent;
using LiteDB;
using MentorBot.Slack.Api;
using MentorBot.Storage;
using Microsoft.Extensions.Options;

namespace MentorBot.People;

/// <summary>Slack users as MentorBot needs them (time zone, admin, deactivated, bot), cached on disk for a day.</summary>
public sealed class UserDirectory
{
    private static readonly TimeSpan Fresh = TimeSpan.FromDays(1);
    private readonly ILiteCollection<Person> _people;
    private readonly SlackApiClient _slack;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _defaultZone;
    private readonly ILogger<UserDirectory> _logger;
    private readonly ConcurrentDictionary<string, bool> _zoneFallbackLogged = new();

    private readonly ProfileFieldOptions _fields;

    public UserDirectory(MentorDb db, SlackApiClient slack, TimeProvider time, IOptions<ZoneOptions> zones, IOptions<ProfileFieldOptions> fields,
        ILogger<UserDirectory> logger)
    {
        _fields = fields.Value;
        _people = db.Collection<Person>("people");
        // Created at start-up: LiteDB adds a new collection to its header without a lock, so two first writes to two new
        // collections at once can fail ("Collection was modified", "page type must be collection page").
        _people.EnsureIndex(p => p.IsWorkspaceAdmin); // the admins query reads it
        _slack = slack;
        _time = time;
        _logger = logger;
        _defaultZone = TimeZones.FindOr(zones.Value.DefaultTimeZone, TimeZoneInfo.Utc);
    }

    /// <summary>
    /// The one answer to "which time zone is this person in?", for scheduling, working hours, pauses and every page
    /// that prints a time: their Slack zone (cached users.info), else the programme's default zone, else UTC. Never
    /// calls Slack; the fallback is logged once per person.
    /// </summary>
    public TimeZoneInfo ZoneOf(string userId)
    {
        if (TimeZones.TryFind(Cached(userId)?.TimeZoneId, out var zone)) return zone;
        if (_zoneFallbackLogged.TryAdd(userId, true))
            _logger.LogInformation("No usable time zone for {UserId}; using the programme default {Zone}", userId, _defaultZone.Id);
        return _defaultZone;
    }

    /// <summary>A named zone (a pair's meeting zone, an answer's zone): the one place zone ids are read, like <see cref="ZoneOf"/>.</summary>
    public static bool TryNamedZone(string? ianaId, out TimeZoneInfo zone) => TimeZones.TryFind(ianaId, out zone);

    /// <summary>The cached person, however old; null when never fetched. Never calls Slack.</summary>
    public Person? Cached(string userId) => _people.FindById(userId);

    /// <summary>The person, from cache when fresh, else from users.info; null when Slack does not know the id.</summary>
    public async Task<Person?> GetAsync(string userId, CancellationToken ct)
    {
        var cached = Cached(userId);
        if (cached is not null && _time.GetUtcNow() - cached.FetchedAt < Fresh) return cached;
        try
        {
            var user = await _slack.GetUserAsync(userId, ct);
            var person = new Person
            {
                Id = user.Id,
                DisplayName = user.DisplayName,
                TimeZoneId = user.Tz,
                IsWorkspaceAdmin = user.IsAdmin || user.IsOwner || user.IsPrimaryOwner,
                IsDeactivated = user.Deleted,
                IsBot = user.IsBot || user.IsAppUser || user.Id == "USLACKBOT",
                FetchedAt = _time.GetUtcNow(),
            };
            person = await WithProfileFieldsAsync(person, cached, ct);
            _people.Upsert(person);
            return person;
        }
        catch (SlackApiException ex) when (ex.Error is "user_not_found")
        {
            return null;
        }
        catch (SlackApiException) when (cached is not null)
        {
            return cached; // stale beats nothing while Slack is unreachable
        }
    }

    // Department and manager live in custom profile fields, which users.info does not carry; read only when configured.
    private async Task<Person> WithProfileFieldsAsync(Person person, Person? cached, CancellationToken ct)
    {
        var department = string.IsNullOrWhiteSpace(_fields.DepartmentField) ? null : _fields.DepartmentField;
        var manager = string.IsNullOrWhiteSpace(_fields.ManagerField) ? null : _fields.ManagerField;
        if (department is null && manager is null) return person;
        try
        {
            var fields = await _slack.GetProfileFieldsAsync(person.Id, ct);
            return person with
            {
                Department = department is null ? null : fields.GetValueOrDefault(department),
                ManagerId = manager is null ? null : fields.GetValueOrDefault(manager),
            };
        }
        catch (SlackApiException ex)
        {
            _logger.LogWarning("Couldn't read the profile fields of {UserId} ({Error}); matching goes on without department and manager", person.Id, ex.Error);
            return person with { Department = cached?.Department, ManagerId = cached?.ManagerId };
        }
    }

    /// <summary>Stores a person directly (tests and the playground's seeded workspace).</summary>
    public void Remember(Person person) => _people.Upsert(person);
}
