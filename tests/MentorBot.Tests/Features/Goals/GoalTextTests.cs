using MentorBot.Features.Goals;

namespace MentorBot.Tests.Features.Goals;

/// <summary>The pure pieces of /goal: splitting typed text, title rules and the progress bar.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class GoalTextTests
{
    [Theory]
    [InlineData("", "", "")]
    [InlineData("   ", "", "")]
    [InlineData("add", "add", "")]
    [InlineData("  add   Learn  Rust  ", "add", "Learn  Rust")]
    [InlineData("progress 2 40 drafted   it", "progress", "2 40 drafted   it")]
    [InlineData("ADD\tTabbed", "ADD", "Tabbed")]
    [InlineData("add 👩🏽‍💻 café", "add", "👩🏽‍💻 café")]
    public void Next_SplitsTheFirstWord_AndKeepsTheRestAsTyped(string text, string first, string rest)
    {
        var (f, r) = GoalCommand.Next(text);
        Assert.Equal(first, f);
        Assert.Equal(rest, r);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("x", false)]
    [InlineData("150 chars", false)]
    public void TitleProblem_OnlyForMissingOrTooLongTitles(string? title, bool problem)
    {
        if (title == "150 chars") title = new string('x', 150);
        Assert.Equal(problem, GoalChanges.TitleProblem(title) is not null);
        Assert.NotNull(GoalChanges.TitleProblem(new string('x', 151)));
    }

    [Theory]
    [InlineData(0, "▱▱▱▱▱▱▱▱▱▱ 0%")]
    [InlineData(45, "▰▰▰▰▱▱▱▱▱▱ 45%")]
    [InlineData(100, "▰▰▰▰▰▰▰▰▰▰ 100%")]
    public void Bar_ShowsTenthsAndThePercent(int progress, string expected) => Assert.Equal(expected, GoalMessages.Bar(progress));
}
