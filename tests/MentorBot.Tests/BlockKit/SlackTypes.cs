using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace MentorBot.Tests.BlockKit;

/// <summary>One message, modal or App Home the app sent, as Slack would receive it.</summary>
public sealed record Surface(string Name, string Kind, JsonNode Json);

/// <summary>
/// Type-checks surfaces against Slack's own definitions (@slack/types) with tsc: each surface becomes a typed
/// constant, so unknown fields, wrong element types and missing required fields are compile errors.
/// </summary>
public static class SlackTypes
{
    public static string RepoRoot { get; } = FindRoot();

    private static string Folder => Path.Combine(RepoRoot, "tests", "blockkit");

    public static string Tsc => Path.Combine(Folder, "node_modules", "typescript", "bin", "tsc");

    public static bool Installed => File.Exists(Tsc) && Directory.Exists(Path.Combine(Folder, "node_modules", "@slack", "types"));

    /// <summary>Runs tsc over <paramref name="surfaces"/>; returns tsc's error lines, each naming its surface.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(string runName, IReadOnlyList<Surface> surfaces)
    {
        var dir = Path.Combine(Folder, "captured", runName);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        for (var i = 0; i < surfaces.Count; i++)
            await File.WriteAllTextAsync(Path.Combine(dir, $"{i:000}.ts"), ToTypeScript(surfaces[i]));
        await File.WriteAllTextAsync(Path.Combine(dir, "tsconfig.json"), """
            {
              "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "commonjs",
                                   "moduleResolution": "node", "types": [], "skipLibCheck": true },
              "include": ["*.ts"]
            }
            """);

        var start = new ProcessStartInfo("node", [Tsc, "-p", Path.Combine(dir, "tsconfig.json")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir,
        };
        using var tsc = Process.Start(start)!;
        var output = await tsc.StandardOutput.ReadToEndAsync() + await tsc.StandardError.ReadToEndAsync();
        await tsc.WaitForExitAsync();

        var errors = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("error TS"))
            .Select(l => int.TryParse(l.Split('.')[0], out var n) && n < surfaces.Count ? $"{surfaces[n].Name}: {l}" : l)
            .ToList();
        if (tsc.ExitCode != 0 && errors.Count == 0) errors.Add("tsc failed: " + output);
        return errors;
    }

    private static string ToTypeScript(Surface surface)
    {
        var json = surface.Json.ToJsonString();
        var ts = new StringBuilder();
        ts.AppendLine($"// {surface.Name}");
        ts.AppendLine("import type { KnownBlock, ModalView, HomeView } from '@slack/types';");
        // Message fields MentorBot may send besides blocks; anything else is a typo Slack would ignore or refuse.
        ts.AppendLine("""
            interface Message {
              text: string; blocks?: KnownBlock[]; channel?: string; ts?: string; user?: string; thread_ts?: string;
              response_type?: 'ephemeral' | 'in_channel'; replace_original?: boolean; delete_original?: boolean;
              unfurl_links?: boolean; unfurl_media?: boolean; mrkdwn?: boolean; response_url_id?: string;
            }
            """);
        var type = surface.Kind switch { "modal" => "ModalView", "home" => "HomeView", _ => "Message" };
        ts.AppendLine($"export const surface: {type} = {json};");
        return ts.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MentorBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("MentorBot.sln not found above " + AppContext.BaseDirectory);
    }
}
