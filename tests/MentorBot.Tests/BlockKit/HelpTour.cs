using MentorBot.Tests.Support;

namespace MentorBot.Tests.BlockKit;

/// <summary>/mentor help and the unknown-verb pointer.</summary>
public sealed class HelpTour : IBlockKitTour
{
    public async Task RunAsync(TestApp app)
    {
        await app.CommandAsync("/mentor", "help");
        await app.CommandAsync("/mentor", "help all");
        await app.CommandAsync("/mentor", "no-such-verb");
    }
}
