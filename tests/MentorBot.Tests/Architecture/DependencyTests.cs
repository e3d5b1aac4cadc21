namespace MentorBot.Tests.Architecture;

/// <summary>
/// The folders of src/MentorBot depend on each other in one direction only: features → core (Programme, People,
/// Cadences, Scheduling, Storage) → the Slack layer, with no cycle anywhere and Admin a leaf.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public class DependencyTests
{
    private static readonly string[] Core =
        ["MentorBot.Programme", "MentorBot.People", "MentorBot.Cadences", "MentorBot.Scheduling", "MentorBot.Storage"];

    private static readonly Lazy<SourceTree> App = new(() => SourceTree.Read("MentorBot"));

    [Fact]
    public void Folders_HaveNoNamespaceCycle()
    {
        var cycles = SourceTree.Cycles(App.Value.Graph());
        Assert.True(cycles.Count == 0, "Namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c))) + Explain(cycles));
    }

    [Fact]
    public void CoreFolders_DependOnNoFeature()
    {
        var graph = App.Value.Graph();
        var wrong = Core.SelectMany(core => graph[core].Where(d => !Core.Contains(d)).Select(d => $"{core} → {d}")).ToList();
        Assert.True(wrong.Count == 0, "Core folders must only use each other and the Slack layer: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Admin_IsALeaf_NoOtherFeatureUsesIt()
    {
        var users = App.Value.Files
            .Where(f => f.Namespace.StartsWith("MentorBot.", StringComparison.Ordinal) && f.Namespace != "MentorBot.Features.Admin")
            .Where(f => App.Value.DependenciesOf(f).Contains("MentorBot.Features.Admin"))
            .Select(f => f.Path).ToList();
        Assert.True(users.Count == 0, "Only the composition root may use Features/Admin: " + string.Join(", ", users));
    }

    [Fact]
    public void Features_NeverCallViewsOpenThemselves()
    {
        var callers = App.Value.Files.Where(f => f.Code.Contains("OpenViewAsync(", StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(callers.Count == 0, "Open modals with SlackReplies.OpenModalAsync (trigger budget, expired_trigger_id): " + string.Join(", ", callers));
    }

    [Theory]
    [InlineData("ZoneOf", "People")]
    [InlineData("TellClicker", null)]
    public void OneOwner_DeclaresTheRule(string method, string? folder)
    {
        var declaring = App.Value.Files
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Code, $@"\bpublic\s+[\w<>?,\s]+\s{method}\s*\("))
            .Select(f => f.Path).ToList();
        if (folder is null)
        {
            // Slack conventions live in the Slack layer: the app must not declare its own.
            Assert.Empty(declaring);
            return;
        }
        var only = Assert.Single(declaring);
        Assert.StartsWith(folder + Path.DirectorySeparatorChar, only);
    }

    /// <summary>A rule's mechanism is touched only by its owner; everyone else calls the owner.</summary>
    [Theory]
    [InlineData(@"\bpairs\.Pause\(", "Features/Pairs/PairPauses.cs")] // every pause goes through the pause rules
    [InlineData(@"Collection<Goal>\(", "Features/Goals/GoalStore.cs")] // every goal write goes through the goal store
    [InlineData(@"\.IsShared\b.*GoalStatus\.Open|GoalStatus\.Open.*\.IsShared\b", "Features/Goals/GoalStore.cs")] // the privacy rule, once
    [InlineData(@"TimeZones\.(TryFind|FindOr)\(", "People/UserDirectory.cs")] // zones are read through ZoneOf
    public void OneOwner_UsesTheMechanism(string pattern, string owner)
    {
        var users = App.Value.Files.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Code, pattern)).Select(f => f.Path.Replace('\\', '/')).ToList();
        Assert.All(users, u => Assert.Equal(owner, u));
    }

    [Theory]
    [InlineData("A>B B>A", "A,B")]
    [InlineData("A>B B>C C>A D>A", "A,B,C")]
    [InlineData("A>B B>C A>C", "")]
    [InlineData("A>B B>A C>D D>C", "A,B|C,D")]
    public void Cycles_FindsEveryStronglyConnectedGroup(string edges, string expected)
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var edge in edges.Split(' '))
        {
            var (from, to) = (edge.Split('>')[0], edge.Split('>')[1]);
            graph.TryAdd(to, new HashSet<string>());
            graph[from] = new HashSet<string>(graph.TryGetValue(from, out var e) ? e : []) { to };
        }
        var found = string.Join("|", SourceTree.Cycles(graph).Select(c => string.Join(",", c)).Order());
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Dependencies_AreReadFromUsingsQualifiedNamesAndParentNamespaces()
    {
        var tree = App.Value;
        var pairs = tree.Files.First(f => f.Namespace == "MentorBot.Features.Pairs");
        var code = "namespace MentorBot.Features.Pairs;\nclass X { Admin.SignUpStore s; MentorBot.Features.Goals.GoalStore g; }\n// Feedback.FeedbackStore in a comment\n";
        var probe = pairs with { Code = SourceTree.Blank(code), Usings = ["MentorBot.People"] };
        var found = tree.DependenciesOf(probe).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["MentorBot.Features.Admin", "MentorBot.Features.Goals", "MentorBot.People"], found);
    }

    private static string Explain(IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        if (cycles.Count == 0) return "";
        var tree = App.Value;
        var lines = cycles.SelectMany(c => tree.Files.Where(f => c.Contains(f.Namespace))
            .SelectMany(f => tree.DependenciesOf(f).Where(c.Contains).Select(d => $"\n  {f.Path} → {d}")));
        return string.Concat(lines);
    }
}

/// <summary>Every test class says which tier it is in, so <c>--filter Tier=unit</c> really is the whole fast tier.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class TierTests
{
    [Fact]
    public void EveryTestClass_CarriesExactlyOneTier()
    {
        var testClasses = typeof(TierTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0))
            .ToList();
        Assert.True(testClasses.Count > 40, $"found only {testClasses.Count} test classes");
        var missing = testClasses
            .Where(t => t.GetCustomAttributes(typeof(TraitAttribute), inherit: true).Length != 1)
            .Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Add [Trait(Tier.Name, Tier.Unit|Host|Browser)] to: " + string.Join(", ", missing));
    }
}
