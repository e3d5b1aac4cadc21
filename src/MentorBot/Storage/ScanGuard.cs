using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using LiteDB;

namespace MentorBot.Storage;

/// <summary>
/// Finds full collection scans where they must not happen: in the answer to a Slack request and its follow-up
/// (activities "slack.ack", "slack.followup") or a scheduler tick ("scheduler.tick"), on a collection that grows with users. Off unless
/// <see cref="StorageOptions.GuardScans"/> is set (tests): then every collection is wrapped, each query's LiteDB plan is
/// read before it runs, and a plan without an index is recorded in <see cref="Scans"/>. Programme-wide aggregates
/// (figures for admins and the digest, a matching round) read everything by design and say so with <see cref="Aggregate"/>.
/// </summary>
public static class ScanGuard
{
    private static readonly AsyncLocal<string?> AggregateReason = new();

    /// <summary>Collections small by nature (one document, or one per programme), where a scan costs nothing.</summary>
    public static readonly IReadOnlySet<string> Small = new HashSet<string>(StringComparer.Ordinal)
    {
        "programme_settings", "admin_markers", "pairs_applied_default", "checkin_cursor", "match_rounds", "match_runs", "pair_pulse_scan",
    };

    /// <summary>The scans seen on hot paths since the process started: collection, plan, and where.</summary>
    public static ConcurrentQueue<string> Scans { get; } = new();

    /// <summary>Marks a read of everything as intended (a programme-wide aggregate) until disposed.</summary>
    public static IDisposable Aggregate(string why)
    {
        var before = AggregateReason.Value;
        AggregateReason.Value = why;
        return new Restore(() => AggregateReason.Value = before);
    }

    internal static ILiteCollection<T> Wrap<T>(ILiteCollection<T> inner, string name)
    {
        if (Small.Contains(name)) return inner;
        var proxy = DispatchProxy.Create<ILiteCollection<T>, CollectionProxy<T>>();
        ((CollectionProxy<T>)(object)proxy).Init(inner, name);
        return proxy;
    }

    private static string? HotPath()
    {
        if (AggregateReason.Value is not null) return null;
        for (var a = Activity.Current; a is not null; a = a.Parent)
            if (a.OperationName is "slack.ack" or "slack.followup" or "scheduler.tick")
                return a.OperationName + (a.GetTagItem("job") is { } job ? $" ({job})" : "");
        return null;
    }

    /// <summary>Records <paramref name="plan"/> when it reads the whole collection on a hot path.</summary>
    internal static void Check(string collection, Func<BsonDocument> plan)
    {
        if (HotPath() is not { } where) return;
        var p = plan();
        var mode = p["index"]?["mode"]?.AsString ?? "";
        if (!mode.StartsWith("FULL INDEX SCAN", StringComparison.Ordinal)) return;
        var caller = new StackTrace(2, false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("MentorBot", StringComparison.Ordinal) == true
            && m.DeclaringType != typeof(ScanGuard) && !m.DeclaringType.Name.Contains("Proxy", StringComparison.Ordinal));
        Scans.Enqueue($"{collection}: {mode} in {where}, from {caller?.DeclaringType?.Name}.{caller?.Name}");
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "ToEnumerable", "ToList", "ToArray", "ToDocuments", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Count", "LongCount", "Exists",
    };

    /// <summary>An <see cref="ILiteCollection{T}"/> that checks the plan of each query before running it.</summary>
    public class CollectionProxy<T> : DispatchProxy
    {
        private ILiteCollection<T> _inner = null!;
        private string _name = "";

        internal void Init(ILiteCollection<T> inner, string name) => (_inner, _name) = (inner, name);

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            args ??= [];
            switch (method.Name)
            {
                case "Query":
                    return QueryProxy.Wrap(method.ReturnType, _inner.Query(), _name);
                case "FindAll":
                    Check(_name, () => _inner.Query().GetPlan());
                    break;
                case "Find" or "FindOne" or "Count" or "LongCount" or "Exists" or "DeleteMany" when args.Length > 0 && Where(args[0]) is { } query:
                    Check(_name, () => query.GetPlan());
                    break;
            }
            try
            {
                return method.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        }

        private ILiteQueryable<T>? Where(object? predicate) => predicate switch
        {
            BsonExpression e => _inner.Query().Where(e),
            Expression<Func<T, bool>> e => _inner.Query().Where(e),
            string e => _inner.Query().Where(e),
            _ => null,
        };
    }

    /// <summary>A LiteDB queryable (or its result) that checks the plan when a terminal method runs it.</summary>
    public class QueryProxy : DispatchProxy
    {
        private object _inner = null!;
        private string _name = "";

        internal static object Wrap(Type iface, object inner, string name)
        {
            var proxy = (QueryProxy)Create(iface, typeof(QueryProxy));
            (proxy._inner, proxy._name) = (inner, name);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            if (Terminal.Contains(method.Name))
                Check(_name, () => (BsonDocument)_inner.GetType().GetMethod("GetPlan")!.Invoke(_inner, null)!);
            object? result;
            try
            {
                result = method.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
            var returns = method.ReturnType;
            return result is not null && returns.IsInterface && returns.IsGenericType
                && returns.GetGenericTypeDefinition() is var g && (g == typeof(ILiteQueryable<>) || g == typeof(ILiteQueryableResult<>))
                ? Wrap(returns, result, _name)
                : result;
        }
    }
}
