using LiteDB;
using MentorBot.Slack.Api;
using MentorBot.Storage;

namespace MentorBot.People;

/// <summary>Slack users as MentorBot needs them (time zone, admin, deactivated, bot), cached on disk for a day.</summary>
public sealed class UserDirectory
{
    private static readonly TimeSpan Fresh = TimeSpan.FromDays(1);
    private readonly ILiteCollection<Person> _people;
    private readonly SlackApiClient _slack;
    private readonly TimeProvider _time;

    public UserDirectory(MentorDb db, SlackApiClient slack, TimeProvider time)
    {
        _people = db.Collection<Person>("people");
        _slack = slack;
        _time = time;
    }

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

    /// <summary>Stores a person directly (tests and the playground's seeded workspace).</summary>
    public void Remember(Person person) => _people.Upsert(person);
}
