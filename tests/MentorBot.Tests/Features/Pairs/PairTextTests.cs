using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>Reading pair types as people type them, without a host.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class PairTextTests
{
    [Theory]
    [InlineData("peeer", true)]
    [InlineData("per", true)]
    [InlineData("revers", true)]
    [InlineData("mentorng", true)]
    [InlineData("Peer,", false)] // a real type (with punctuation) is no typo: TryParseType reads "peer"
    [InlineData("peer", false)]
    [InlineData("reverse", false)]
    [InlineData("hi", false)]
    [InlineData("Hello", false)]
    [InlineData("would", false)]
    [InlineData("please", false)]
    public void LooksLikeAMistypedType_CatchesTyposNotNotes(string word, bool typo) =>
        Assert.Equal(typo, PairText.LooksLikeAMistypedType(word));
}
