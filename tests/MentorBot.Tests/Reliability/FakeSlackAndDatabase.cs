namespace MentorBot.Tests.Reliability;

/// <summary>What most reliability tests start from: a fake Slack on loopback and an empty database file of their own.</summary>
public abstract class FakeSlackAndDatabase : IAsyncLifetime
{
    protected FakeSlackApi Slack { get; private set; } = null!;
    protected TempDatabase Db { get; } = new();

    public async Task InitializeAsync() => Slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await Slack.DisposeAsync();
        Db.Dispose();
    }
}
