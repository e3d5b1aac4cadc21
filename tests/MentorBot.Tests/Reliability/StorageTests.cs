using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Tests.Reliability;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalTimeZoneCollection
{
    /// <summary>Tests here change the process's local time zone, so nothing else runs beside them.</summary>
    public const string Name = "Local time zone";
}

/// <summary>Plan 6.1 S8, S9 and reopening: what goes into MentorDb comes back exactly, on a host in a DST zone too.</summary>
[Collection(LocalTimeZoneCollection.Name)]
[Trait(Tier.Name, Tier.Unit)]
public class StorageTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    public sealed record Sample
    {
        [BsonId] public string Id { get; init; } = "";
        public string? Text { get; init; }
        public DateTimeOffset At { get; init; }
        public DayOfWeek Day { get; init; }
    }

    // 2025-10-26 in Amsterdam: 00:30Z and 01:30Z are both 02:30 local (the repeated hour).
    private static readonly DateTimeOffset FirstPass = new(2025, 10, 26, 0, 30, 0, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondPass = new(2025, 10, 26, 1, 30, 0, 456, TimeSpan.Zero);

    private static T InZone<T>(string zone, Func<T> body)
    {
        var before = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        try
        {
            Assert.Equal(TimeSpan.FromHours(1), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc)));
            return body();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
        }
    }

    [Fact]
    public void S8_InstantsInTheRepeatedDstHour_ComeBackExactly_AfterReopen()
    {
        var read = InZone("Europe/Amsterdam", () =>
        {
            using (var db = Storage.Open(_db.Path))
            {
                var samples = db.Collection<Sample>("samples");
                samples.Insert(new Sample { Id = "first", At = FirstPass });
                samples.Insert(new Sample { Id = "second", At = SecondPass });
            }
            using var reopened = Storage.Open(_db.Path);
            var again = reopened.Collection<Sample>("samples");
            return (again.FindById("first").At, again.FindById("second").At);
        });
        Assert.Equal(FirstPass, read.Item1);
        Assert.Equal(SecondPass, read.Item2);
        Assert.Equal(TimeSpan.Zero, read.Item1.Offset);
    }

    [Fact]
    public void S8_LiteDbDefaults_WouldGetTheRepeatedHourWrong_WhichIsWhyMentorDbHasItsOwnMapper()
    {
        // The same round trip with LiteDB's own defaults: proves the test above can fail.
        var read = InZone("Europe/Amsterdam", () =>
        {
            using (var raw = new LiteDatabase(_db.Path))
                raw.GetCollection<Sample>("samples").Insert(new Sample { Id = "first", At = FirstPass });
            using var again = new LiteDatabase(_db.Path);
            return again.GetCollection<Sample>("samples").FindById("first").At;
        });
        // Read back as local 02:30, which the zone resolves to the second pass: one hour late.
        Assert.Equal(TimeSpan.FromHours(1), read.UtcDateTime - FirstPass.UtcDateTime);
    }

    public static TheoryData<string> Texts => new()
    {
        "  x  ", "", "\0nul\0inside", new string('é', 40_000), "👩🏽‍💻 learn Rust 🦀 — naïve café 目標 مرحبا", "<!channel> *_~&<>", "\r\n\t",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void S9_TextIsStoredExactly_NotTrimmedNorNulled_AcrossReopen(string text)
    {
        using (var db = Storage.Open(_db.Path))
            db.Collection<Sample>("samples").Insert(new Sample { Id = "t", Text = text, Day = DayOfWeek.Saturday });
        using var reopened = Storage.Open(_db.Path);
        var back = reopened.Collection<Sample>("samples").FindById("t");
        Assert.Equal(text, back.Text);
        Assert.Equal(DayOfWeek.Saturday, back.Day);
        Assert.Equal("Saturday", reopened.Collection<BsonDocument>("samples").FindById("t")["Day"].AsString); // enums by name survive reordering
    }

    [Fact]
    public void DateRange_FindsEveryInstantInItsWindow_WithOneQueryTextWhateverTheDates()
    {
        using var db = Storage.Open(_db.Path);
        var samples = db.Collection<Sample>("samples");
        samples.EnsureIndex(x => x.At);
        var start = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero); // Europe's DST change inside the range
        samples.InsertBulk(Enumerable.Range(0, 48).Select(h => new Sample { Id = $"h{h}", At = start.AddHours(h) }));

        var sources = new HashSet<string>();
        for (var h = 0; h < 48; h++)
        {
            var query = DateRange.Between(nameof(Sample.At), start.AddHours(h), start.AddHours(h + 2));
            sources.Add(query.Source);
            Assert.Equal(Enumerable.Range(h, Math.Min(3, 48 - h)).Select(i => $"h{i}"), samples.Find(query).Select(x => x.Id).OrderBy(id => int.Parse(id[1..])));
        }

        // LiteDB compiles and caches every distinct query text for good: one text per tick would leak and cost JIT time.
        Assert.Single(sources);
    }

    [Fact]
    public void MentorDb_IsExclusive_WhileOpen_AndReopensAfterDispose()
    {
        var first = Storage.Open(_db.Path);
        var locked = Assert.Throws<DatabaseLockedException>(() => Storage.Open(_db.Path));
        Assert.Contains(_db.Path, locked.Message);
        first.Collection<Sample>("samples").Insert(new Sample { Id = "kept", Text = "still here" });
        first.Dispose();

        using var second = Storage.Open(_db.Path);
        Assert.True(second.IsOpen);
        Assert.Equal("still here", second.Collection<Sample>("samples").FindById("kept").Text);
    }

    [Fact]
    public void DeliveryLog_RemembersAClaim_AcrossReopen()
    {
        using (var db = Storage.Open(_db.Path))
            Assert.True(new DeliveryLog(db, TimeProvider.System).TryClaim("event:Ev1"));
        using var reopened = Storage.Open(_db.Path);
        var log = new DeliveryLog(reopened, TimeProvider.System);
        Assert.False(log.TryClaim("event:Ev1"));
        Assert.True(log.TryClaim("event:Ev2"));
    }
}
