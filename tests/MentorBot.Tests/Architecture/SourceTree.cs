using System.Text.RegularExpressions;

namespace MentorBot.Tests.Architecture;

/// <summary>
/// The C# sources of src/MentorBot read as text: each file's namespace, the folder namespaces it uses (through
/// <c>using</c> directives, qualified names, or names of a parent namespace) and the top-level types it declares.
/// Comments and string literals are blanked first, so prose never counts as a dependency.
/// </summary>
public sealed partial class SourceTree
{
    public sealed record SourceFile(string Path, string Namespace, string Code, IReadOnlyList<string> Usings);

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Top-level type names per namespace.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Types { get; }

    private SourceTree(IReadOnlyList<SourceFile> files)
    {
        Files = files;
        var types = new Dictionary<string, HashSet<string>>();
        foreach (var file in files)
        {
            var set = types.TryGetValue(file.Namespace, out var known) ? known : types[file.Namespace] = [];
            foreach (Match m in TopLevelType().Matches(file.Code)) set.Add(m.Groups[1].Value);
        }
        Types = types;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MentorBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("MentorBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static SourceTree Read(string project)
    {
        var root = Path.Combine(RepositoryRoot(), "src", project);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(p =>
            {
                var text = File.ReadAllText(p);
                var code = Blank(text);
                var ns = FileNamespace().Match(code) is { Success: true } m ? m.Groups[1].Value : project;
                var usings = UsingDirective().Matches(code).Select(u => u.Groups[1].Value).ToList();
                return new SourceFile(Path.GetRelativePath(root, p), ns, code, usings);
            })
            .ToList();
        return new SourceTree(files);
    }

    /// <summary>The namespaces of this tree that <paramref name="file"/> refers to (its own excluded).</summary>
    public IReadOnlySet<string> DependenciesOf(SourceFile file)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in file.Usings)
            if (Types.ContainsKey(u)) found.Add(u);
        var body = UsingDirective().Replace(FileNamespace().Replace(file.Code, ""), "");
        // Qualified names (MentorBot.Features.Admin.Admins, or Admin.Admins inside MentorBot.Features.X).
        foreach (Match m in DottedName().Matches(body))
        {
            var parts = m.Value.Split('.');
            foreach (var scope in EnclosingScopes(file.Namespace))
            {
                for (var take = parts.Length - 1; take >= 1; take--)
                {
                    var candidate = Join(scope, string.Join('.', parts.Take(take)));
                    if (Types.TryGetValue(candidate, out var declared) && declared.Contains(parts[take])) found.Add(candidate);
                }
            }
        }
        // Plain names of types in a parent namespace (MentorBot's root types are visible everywhere below it).
        var words = PlainName().Matches(body).Select(w => w.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var scope in EnclosingScopes(file.Namespace).Skip(1))
            if (Types.TryGetValue(scope, out var declared) && declared.Overlaps(words)) found.Add(scope);
        found.Remove(file.Namespace);
        return found;
    }

    /// <summary>Namespace → the namespaces its files refer to.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Graph()
    {
        var graph = Types.Keys.ToDictionary(k => k, _ => (IReadOnlySet<string>)new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in Files)
            ((HashSet<string>)graph[file.Namespace]).UnionWith(DependenciesOf(file));
        return graph;
    }

    /// <summary>Every cycle in the graph as the namespaces of one strongly connected component (Tarjan).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var edges) ? edges : new HashSet<string>())
            {
                if (!graph.ContainsKey(w)) continue;
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                component.Add(x);
            } while (x != v);
            if (component.Count > 1) cycles.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return cycles;
    }

    private static IEnumerable<string> EnclosingScopes(string ns)
    {
        for (var scope = ns; scope.Length > 0; scope = scope.Contains('.') ? scope[..scope.LastIndexOf('.')] : "")
            yield return scope;
        yield return "";
    }

    private static string Join(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    /// <summary>Comments and string literals replaced by spaces (raw, verbatim, interpolated and plain strings).</summary>
    public static string Blank(string code)
    {
        code = Regex.Replace(code, "\"\"\".*?\"\"\"", "\"\"", RegexOptions.Singleline);
        code = Regex.Replace(code, @"/\*.*?\*/", " ", RegexOptions.Singleline);
        code = Regex.Replace(code, @"//[^\n]*", "");
        code = Regex.Replace(code, @"\$?@""(?:[^""]|"""")*""", "\"\"");
        code = Regex.Replace(code, @"\$?""(?:\\.|[^""\\\n])*""", "\"\"");
        code = Regex.Replace(code, @"'(?:\\.|[^'\\\n])'", "' '");
        return code;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^(?:(?:public|internal|sealed|static|abstract|partial|readonly|file)\s+)*(?:class|record|interface|enum|struct)\s+(?:struct\s+|class\s+)?([A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex PlainName();
}
