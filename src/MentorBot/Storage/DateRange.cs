using LiteDB;

namespace MentorBot.Storage;

/// <summary>
/// Index range queries on a date field. LiteDB's own <c>Query.Between</c> writes the values into the expression text, and
/// LiteDB parses, compiles (JIT) and caches every new text for good: a query with "now" in it leaked memory and cost
/// milliseconds on every scheduler tick. Parameters keep the text, and so the compiled expression, the same.
/// </summary>
public static class DateRange
{
    public static readonly DateTimeOffset Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    /// <summary><paramref name="field"/> between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static BsonExpression Between(string field, DateTimeOffset from, DateTimeOffset to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from.UtcDateTime), new BsonValue(to.UtcDateTime));
}
