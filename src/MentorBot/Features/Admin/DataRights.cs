using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;
using MentorBot.Storage;

namespace MentorBot.Features.Admin;

/// <summary>/mentor export: everything every feature stores about me, as a JSON file in my DM.</summary>
public sealed class ExportCommand(IEnumerable<IPersonalData> sources, SlackApiClient slack, TimeProvider time, ILogger<ExportCommand> logger)
    : IMentorSubcommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct) =>
        Task.FromResult(SlackAck.Ephemeral("Gathering your data… it will arrive as a file in your DM with me.").Then(async c =>
        {
            var content = Build(command.UserId, time.GetUtcNow());
            var dm = await slack.OpenDmAsync(command.UserId, c);
            await slack.UploadFileAsync(dm, $"mentorbot-export-{time.GetUtcNow():yyyy-MM-dd}.json", "Your MentorBot data", content,
                "Here is everything MentorBot stores about you. Only you received this file.", c);
            logger.LogInformation("Exported the data of {UserId} ({Bytes} bytes)", command.UserId, content.Length);
        }));

    public byte[] Build(string userId, DateTimeOffset now)
    {
        var data = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var source in sources) data[source.Name] = source.Export(userId);
        return JsonSerializer.SerializeToUtf8Bytes(new { UserId = userId, ExportedAt = now, Data = data }, Json);
    }
}

/// <summary>/mentor forget-me: asks first; on confirmation every feature forgets the person, and the file is compacted.</summary>
public sealed class ForgetMeCommand(IEnumerable<IPersonalData> sources, MentorDb db, PairStore pairs, SlackApiClient slack, SlackReplies replies,
    AppHome home, ILogger<ForgetMeCommand> logger)
    : IMentorSubcommand, IBlockActionHandler
{
    public const string ConfirmAction = "admin.forget.confirm";

    public const string PartnerNotice = "Your mentoring pair with a former member has ended: they asked MentorBot to forget them. " +
                                        "Your own goals and history stay with you (`/mentor pairs`), and you can start a new pair any time with `/mentor ask @person`.";

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        const string what = "This deletes everything you wrote in MentorBot — your goals, notes, check-in answers, feedback you gave or asked for, " +
                            "your sign-up — and ends your pairs. The people you were paired with keep their own records. It can't be undone.";
        var blocks = new JsonArray(
            Blocks.Section("*Forget me?*\n" + what),
            Blocks.Actions("admin.forget", Blocks.Button("Delete my data", ConfirmAction, command.UserId, "danger",
                Blocks.Confirm("Delete your data?", "Everything you wrote in MentorBot will be deleted and your pairs ended. This can't be undone.",
                    "Delete", "Keep it"))),
            Blocks.Context("Want a copy first? `/mentor export` sends it to your DM."));
        return Task.FromResult(SlackAck.Ephemeral("Forget me? " + what, blocks));
    }

    public Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var userId = actions.User.Id;
        // The button carries the id of the person it was shown to; nobody can erase someone else.
        if (actions.Action.Value != userId) return Task.FromResult(SlackAck.Empty);
        return Task.FromResult(SlackAck.Empty.Then(async c =>
        {
            // Whoever was still paired with them hears it once, neutrally: no dead end, and no name of the one who left.
            var partners = pairs.CurrentFor(userId).Select(p => p.OtherThan(userId)).Where(p => p != PairText.ForgottenId).Distinct().ToList();
            var changed = Forget(userId);
            var text = $"Done: I deleted what you wrote ({changed} records) and ended your pairs. The people you worked with keep their own records.";
            await replies.ReplaceAsync(ReplyTarget.Of(actions), text, null, c);
            await home.RefreshAsync(userId, c);
            foreach (var partner in partners)
            {
                try
                {
                    await slack.SendDmAsync(partner, PartnerNotice, null, c);
                }
                catch (SlackApiException ex)
                {
                    logger.LogWarning("Could not tell {UserId} that their pair ended: {Error}", partner, ex.Error);
                }
                await home.RefreshAsync(partner, c);
            }
        }));
    }

    /// <summary>Every feature forgets the person, then the database is compacted so the text is gone from the file too.</summary>
    public int Forget(string userId)
    {
        var changed = 0;
        var failed = new List<string>();
        foreach (var source in sources)
        {
            try
            {
                changed += source.Forget(userId);
            }
            catch (Exception ex)
            {
                failed.Add(source.Name);
                logger.LogError(ex, "Forgetting {UserId} in {Source} failed", userId, source.Name);
            }
        }
        db.Compact();
        logger.LogInformation("Forgot {UserId}: {Changed} records changed, database compacted", userId, changed);
        if (failed.Count > 0) throw new InvalidOperationException("Could not forget everything: " + string.Join(", ", failed));
        return changed;
    }
}

/// <summary>What the admin feature keeps about a person: sign-ups, the users.info cache and the welcome marker.</summary>
public sealed class AdminPersonalData(SignUpStore signUps, AdminState state, MatchStore matches, UserDirectory people, MentorDb db) : IPersonalData
{
    public string Name => "programme";

    public object Export(string userId) => new
    {
        SignUps = signUps.Of(userId),
        Profile = people.Cached(userId),
        Welcomed = state.Has(AdminState.Welcomed(userId)),
    };

    public int Forget(string userId) =>
        signUps.DeleteAllOf(userId) + state.ForgetUser(userId) + matches.ForgetUser(userId) + (db.Collection<Person>("people").Delete(userId) ? 1 : 0);
}
