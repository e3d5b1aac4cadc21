using System.Globalization;
using System.Text;

namespace MentorBot.Matching;

/// <summary>
/// Pure: what a person typed as topics ("Public speaking, Kubernetes & leading teams"), as comparable terms. Case- and
/// accent-insensitive, with a simple English stemmer, so "Leading teams" meets "lead a team".
/// </summary>
public static class TopicTerms
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', '/', '&', '+', '·', '|', '•'];

    // Words that say nothing about a topic.
    private static readonly HashSet<string> Stop =
    [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "my", "me", "i", "how", "some", "e", "g", "eg", "etc",
        "at", "be", "get", "better", "more", "learn", "help", "helping", "want", "like", "would", "can", "about", "good",
    ];

    /// <summary>One topic as typed, and its key: stemmed content words, sorted and joined.</summary>
    public sealed record Topic(string Text, string Key, IReadOnlyList<string> Words);

    /// <summary>One person's topics, parsed once, with the sets a score compares.</summary>
    public sealed record Profile(IReadOnlyList<Topic> Topics, IReadOnlySet<string> Keys, IReadOnlySet<string> Words)
    {
        public static Profile Of(string? text, IEnumerable<string>? picks = null)
        {
            var topics = Parse(text, picks);
            return new(topics, topics.Select(t => t.Key).ToHashSet(), topics.SelectMany(t => t.Words).ToHashSet());
        }
    }

    /// <summary>The topics in free text plus picks from the programme's list; duplicates (by key) once, in order.</summary>
    public static IReadOnlyList<Topic> Parse(string? text, IEnumerable<string>? picks = null)
    {
        var phrases = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(p => p.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat(picks ?? []);
        var topics = new List<Topic>();
        var seen = new HashSet<string>();
        foreach (var phrase in phrases)
        {
            var words = Words(phrase);
            if (words.Count == 0) continue;
            var key = string.Join(' ', words.Order(StringComparer.Ordinal));
            if (seen.Add(key)) topics.Add(new Topic(Tidy(phrase), key, words));
        }
        return topics;
    }

    /// <summary>Stemmed content words of a phrase: lower case, accents and punctuation gone, stop words dropped.</summary>
    public static IReadOnlyList<string> Words(string phrase)
    {
        var plain = Fold(phrase);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in plain.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || c == '#') { current.Append(c); continue; }
            if (current.Length == 0) continue;
            var word = current.ToString();
            current.Clear();
            if (Stop.Contains(word)) continue;
            var stem = Stem(word);
            if (stem.Length > 0 && !words.Contains(stem)) words.Add(stem);
        }
        return words;
    }

    /// <summary>Lower case without diacritics: "Tomás" and "tomas" are the same word.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A small suffix stripper (plural, -ing, -ed, -er): enough for topic words, never shorter than 3 letters.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        string Cut(int n) => word[..^n];
        if (word.EndsWith("ies") && word.Length > 4) return Cut(3) + "y";
        if (word.EndsWith("ing") && word.Length > 5) return Undouble(Cut(3));
        if (word.EndsWith("ed") && word.Length > 4) return Undouble(Cut(2));
        if (word.EndsWith("ers") && word.Length > 5) return Cut(3);
        if (word.EndsWith("er") && word.Length > 4) return Cut(2);
        if (word.EndsWith("es") && word.Length > 4 && (word[^3] is 's' or 'x' or 'z' || word.EndsWith("ches") || word.EndsWith("shes"))) return Cut(2);
        if (word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is")) return Cut(1);
        return word;
    }

    // "running" → "runn" → "run"; "planned" → "plann" → "plan".
    private static string Undouble(string stem) =>
        stem.Length >= 4 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;

    private static string Tidy(string phrase)
    {
        var tidy = string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '!', '?', ' ');
        return tidy.Length > 40 ? tidy[..40].TrimEnd() + "…" : tidy;
    }
}
