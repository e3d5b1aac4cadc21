using MentorBot.Tests.Support;

namespace MentorBot.Tests.BlockKit;

/// <summary>
/// Drives one feature through every message, modal and App Home it builds, on a fresh <see cref="TestApp"/>, so the
/// Block Kit contract test can type-check everything the app sent (Web API calls, response_url posts and the
/// replies in <see cref="TestApp.Replies"/>) against @slack/types. One implementation per feature; found by reflection.
/// </summary>
public interface IBlockKitTour
{
    Task RunAsync(TestApp app);
}
