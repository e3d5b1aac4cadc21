using MentorBot.Features.Feedback;
using MentorBot.Features.Home;
using MentorBot.Programme;
using static MentorBot.Tests.Features.Feedback.FeedbackScenario;

namespace MentorBot.Tests.Features.Feedback;

/// <summary>Restarts and Slack outages lose nothing; long answers fit Slack; the mentor's unprompted path; data rights and figures.</summary>
[Trait(Tier.Name, Tier.Host)]
public class FeedbackDurabilityTests : IAsyncLifetime
{
    private FeedbackScenario _s = null!;

    public async Task InitializeAsync() => _s = await FeedbackScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task RequestDmThatFailed_IsSentAfterARestart_Once()
    {
        _s.Slack.ServerErrorNext("chat.postMessage");
        await _s.AskAsync($"<@{Giver}|gio> The onboarding guide");
        await _s.Slack.WaitForCallAsync("chat.postMessage");
        await _s.WaitUntilAsync(() => _s.Store.AskedBy(Asker).Single().Notices.Single().Attempts == 1);
        Assert.Equal(1, _s.Store.AskedBy(Asker).Single().Unsent);

        await _s.RestartAsync();
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(5));
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(5));

        var delivered = _s.Slack.Calls("chat.postMessage").Where(c => c.Arg("channel") == FakeSlackApi.DmOf(Giver)).ToList();
        Assert.Equal(2, delivered.Count); // the failed attempt, then exactly one more
        Assert.Contains("The onboarding guide", Shown(delivered[1]));
    }

    [Fact]
    public async Task AnswerGivenBeforeARestart_StillReachesTheAsker_Once()
    {
        var request = await _s.AskAndDeliverAsync("Quarterly plan");
        _s.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 60);
        await _s.SubmitAnswerAsync(Giver, request, "Ambitious and clear");
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        await _s.WaitUntilAsync(() => _s.Store.Get(request.Id)!.Notices.Any(n => n.Kind == NoticeKind.Answer && n.NotBefore is not null));

        await _s.RestartAsync();
        await _s.AdvanceAndTickAsync(TimeSpan.FromSeconds(30)); // still inside Retry-After: nothing
        Assert.Single(_s.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(1));
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(1));

        var answers = _s.Slack.Calls("chat.postMessage").Where(c => c.Arg("channel") == FakeSlackApi.DmOf(Asker)).ToList();
        Assert.Equal(2, answers.Count); // the one Slack rate-limited, then exactly one that went through
        Assert.Contains("Ambitious and clear", Shown(answers[^1]));
        Assert.Equal(FeedbackStatus.Answered, _s.Store.Get(request.Id)!.Status);
        Assert.Equal(0, _s.Store.Get(request.Id)!.Unsent);
    }

    [Fact]
    public async Task PendingRequest_SurvivesARestart_AndExpiresOnTime()
    {
        var request = await _s.AskAndDeliverAsync("Pitch deck");
        await _s.RestartAsync();

        await _s.AdvanceAndTickAsync(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.True(_s.Store.Get(request.Id)!.IsPending);
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(FeedbackStatus.Expired, _s.Store.Get(request.Id)!.Status);
        Assert.Contains("Pitch deck", Shown(Assert.Single(_s.DmsTo(Asker))));
    }

    [Fact]
    public async Task VeryLongFeedback_FullOfMarkup_ArrivesWholeAndSlackAcceptsEveryMessage()
    {
        var request = await _s.AskAndDeliverAsync();
        var well = string.Concat(Enumerable.Repeat("<&> ", 750));        // 3,000 typed, 12,000 once escaped
        var better = string.Concat(Enumerable.Repeat("naïve café 👩🏽‍💻 ", 150));
        var suggestion = string.Concat(Enumerable.Repeat("&", 3000));

        await _s.SubmitAnswerAsync(Giver, request, well, better, suggestion);
        await _s.TickAsync();

        var messages = _s.Slack.Calls("chat.postMessage").Where(c => c.Arg("channel") == FakeSlackApi.DmOf(Asker)).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Null(m.Rejected));
        var sections = messages.SelectMany(m => m.Args["blocks"]!.AsArray()).Where(b => b!["type"]!.ToString() == "section");
        var all = string.Join("", sections.Select(b => b!["text"]!["text"]!.ToString())).Replace("\n", "").Replace(" ", "");
        Assert.Contains(string.Concat(Enumerable.Repeat("&lt;&amp;&gt;", 750)), all);
        Assert.Contains(string.Concat(Enumerable.Repeat("&amp;", 3000)), all);
        Assert.True(HasButton(messages[^1], FeedbackMessages.Thank));
    }

    [Fact]
    public async Task MentorGivesUnpromptedFeedback_ToTheirMentee()
    {
        _s.MakePair(Mentor, Asker);

        var reply = await _s.App.CommandAsync("/mentor", $"feedback <@{Asker}|ana>", Mentor);
        Assert.Null(reply.Body);
        var open = await _s.Slack.WaitForCallAsync("views.open");
        var metadata = open.Args["view"]!["private_metadata"]!.ToString();

        var empty = await BodyAsync(await _s.App.InteractAsync(Interactions.Submit(Mentor, GiveFeedbackModal.CallbackId,
            new Dictionary<string, System.Text.Json.Nodes.JsonObject> { [GiveFeedbackModal.TopicBlock] = Interactions.TextValue("") }, metadata)));
        Assert.Equal("errors", empty!["response_action"]!.ToString());
        Assert.NotNull(empty["errors"]![GiveFeedbackModal.TopicBlock]);
        Assert.NotNull(empty["errors"]![GiveFeedbackModal.WentWellBlock]);

        var sent = await BodyAsync(await _s.App.InteractAsync(Interactions.Submit(Mentor, GiveFeedbackModal.CallbackId,
            new Dictionary<string, System.Text.Json.Nodes.JsonObject>
            {
                [GiveFeedbackModal.TopicBlock] = Interactions.TextValue("Tuesday's planning"),
                [GiveFeedbackModal.SuggestionBlock] = Interactions.TextValue("Timebox the estimates"),
            }, metadata)));
        Assert.Equal("update", sent!["response_action"]!.ToString());
        var dm = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        Assert.Contains("Timebox the estimates", Shown(dm));
        Assert.Contains("gave you feedback", Shown(dm));
        Assert.False(HasButton(dm, FeedbackMessages.Share), "feedback from the mentor is not offered back to the mentor");
        Assert.True(HasButton(dm, FeedbackMessages.Thank));
        Assert.Contains("given unprompted", (await _s.AskAsync("list")).AllText);
    }

    [Fact]
    public async Task MentorFeedback_WithoutAMention_ExplainsHow()
    {
        Assert.Contains("@mention", (await _s.App.CommandAsync("/mentor", "feedback sam", Mentor)).Text);
        Assert.Contains("shared feedback with you yet", (await _s.App.CommandAsync("/mentor", "feedback", Mentor)).Text);
        Assert.Contains("/mentor feedback @mentee", (await _s.App.CommandAsync("/mentor", "help all", Mentor)).AllText);
    }

    [Fact]
    public async Task PersonalData_ExportsEachSide_AndForgetRemovesTheAskersTextFromDisk()
    {
        var request = await _s.AskAndDeliverAsync("FORGET-ME-topic");
        await _s.SubmitAnswerAsync(Giver, request, "FORGET-ME-answer");
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        var data = _s.App.Get<IEnumerable<IPersonalData>>().Single(d => d.Name == "feedback");

        var asker = System.Text.Json.JsonSerializer.Serialize(data.Export(Asker));
        var giver = System.Text.Json.JsonSerializer.Serialize(data.Export(Giver));
        var outsider = System.Text.Json.JsonSerializer.Serialize(data.Export(Outsider));
        Assert.Contains("FORGET-ME-answer", asker);
        Assert.Contains("FORGET-ME-answer", giver);
        Assert.DoesNotContain("FORGET-ME", outsider);

        Assert.Equal(1, data.Forget(Asker));
        _s.App.Get<MentorBot.Storage.MentorDb>().Compact();
        Assert.Empty(_s.Store.AskedBy(Asker));
        Assert.DoesNotContain("FORGET-ME-answer", System.Text.Encoding.UTF8.GetString(_s.App.Db.AllBytes()));
    }

    [Fact]
    public async Task ForgettingTheGiver_KeepsTheAnswerForTheAsker_WithoutTheirName()
    {
        var request = await _s.AskAndDeliverAsync("Kept topic");
        await _s.SubmitAnswerAsync(Giver, request, "Kept answer");
        var pending = await _s.AskAndDeliverAsync("Never answered");
        var data = _s.App.Get<IEnumerable<IPersonalData>>().Single(d => d.Name == "feedback");

        Assert.Equal(2, data.Forget(Giver));

        var kept = _s.Store.Get(request.Id)!;
        Assert.Equal("", kept.GiverId);
        Assert.Equal("Kept answer", kept.Answer!.WentWell);
        Assert.Equal(FeedbackStatus.Undeliverable, _s.Store.Get(pending.Id)!.Status);
        Assert.DoesNotContain(Giver, System.Text.Json.JsonSerializer.Serialize(data.Export(Asker)));
        Assert.Contains("someone who has since left", (await _s.AskAsync("list")).AllText);
    }

    [Fact]
    public async Task Figures_CountRequestsAndAnswerRate_WithoutContent()
    {
        var answered = await _s.AskAndDeliverAsync("FIGURES-topic");
        _s.App.Time.Advance(TimeSpan.FromHours(5));
        await _s.SubmitAnswerAsync(Giver, answered, "FIGURES-answer");
        var declined = await _s.AskAndDeliverAsync("Other", giver: Peer);
        await _s.ClickAndReadReplyAsync(Peer, FeedbackMessages.Decline, declined);
        await _s.AskAndDeliverAsync("Still open", giver: Outsider);

        var figures = _s.App.Get<IEnumerable<IProgrammeFigures>>().SelectMany(f => f.Figures(_s.App.Time.GetUtcNow())).ToList();

        Assert.Contains(figures, f => f.Label == "Feedback requests (last 30 days)" && f.Value == "3");
        Assert.Contains(figures, f => f.Label == "Feedback answer rate" && f.Value.StartsWith("50%"));
        Assert.Contains(figures, f => f.Label == "Median time to answer feedback" && f.Value == "5 hours");
        Assert.DoesNotContain(figures, f => f.Value.Contains("FIGURES") || f.Label.Contains("FIGURES"));
    }

    [Fact]
    public async Task HomeSection_ShowsWhatWaitsForMe_AndMyRecentFeedback_WithoutOthersRequests()
    {
        var mine = await _s.AskAndDeliverAsync("HOME-received");
        await _s.SubmitAnswerAsync(Giver, mine, "HOME-answer-text");
        await _s.AskAndDeliverAsync("HOME-waiting", giver: Asker, asker: Peer);
        await _s.AskAndDeliverAsync("HOME-not-mine", giver: Outsider, asker: Peer);
        var section = _s.App.Get<IEnumerable<IAppHomeSection>>().OfType<FeedbackHomeSection>().Single();

        var blocks = string.Join("\n", (await section.BlocksForAsync(Asker, _s.App.Time.GetUtcNow(), CancellationToken.None)).Select(b => b.ToJsonString()));

        Assert.Contains("HOME-received", blocks);
        Assert.Contains("HOME-waiting", blocks);
        Assert.DoesNotContain("HOME-not-mine", blocks);
        Assert.DoesNotContain("HOME-answer-text", blocks);
        Assert.Contains(FeedbackMessages.Give, blocks);
        Assert.Contains(FeedbackMessages.AskMore, blocks);
    }
}
