using FsCheck;
using FsCheck.Fluent;

namespace MarketSim.Engine.Tests.Scenarios;

/// <summary>A library scenario with a few random edits, and what the edits were (shown when the property fails).</summary>
public sealed record MutatedScenario(string Source, string Text, IReadOnlyList<string> Edits)
{
    public override string ToString() => $"{Source} with {string.Join("; ", Edits)}";
}

/// <summary>
/// Random mutations of the library scenarios as a new user (or a hostile file) would make them: a value
/// replaced by something of the wrong type, size, sign or YAML kind; a line deleted, doubled, moved or
/// re-indented; a stray character; the file cut short.
/// </summary>
public static class ScenarioMutations
{
    private static readonly (string Name, string[] Lines)[] Library =
    [
        .. Directory.GetFiles(RepositoryRoot.Scenarios, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllLines(path))),
    ];

    /// <summary>Replacement values: wrong types, extremes, YAML oddities (anchors, tags, documents), paths, control characters.</summary>
    private static readonly string[] Values =
    [
        "0", "-1", "-0", "1", "2.5", "1e300", "-1e300", "1e-25", "NaN", ".nan", ".inf", "-.inf", "9223372036854775807",
        "99999999999999999999", "-9223372036854775808", "0x10", "1_000", "true", "no", "null", "~", "\"\"", "''", "[]", "{}",
        "[1, 2]", "{ a: 1 }", "&a 1", "*a", "*undefined", "!!binary AAAA", "!custom x", "\"a\\0b\"", "\"\\u0000\"", "é",
        "🙂", "'quoted'", "\"/etc/passwd\"", "../../x", "- 1", "? x", "|", ">", "\t1", "1:2", "#", "%YAML 1.2", "---",
        "...", "<<: *a", "BTC", "spot", "mm1", "[BTC, BTC]", new string('9', 400), new string('x', 5000),
    ];

    private static readonly string[] Characters = ["[", "]", "{", "}", ":", "-", "'", "\"", "\t", "&", "*", "!", "\0", "\n", " ", "#", ","];

    private static readonly Gen<(int Kind, int A, int B)> Edit =
        Gen.Choose(0, 6).SelectMany(kind => Gen.Choose(0, 1 << 20).SelectMany(a => Gen.Choose(0, 1 << 20).Select(b => (kind, a, b))));

    public static Arbitrary<MutatedScenario> Mutated() =>
        Gen.Choose(0, Library.Length - 1)
            .SelectMany(file => Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(Edit, count)).Select(edits => Apply(file, edits)))
            .ToArbitrary();

    private static MutatedScenario Apply(int file, (int Kind, int A, int B)[] edits)
    {
        var (name, original) = Library[file];
        var lines = original.ToList();
        var described = new List<string>();
        foreach (var (kind, a, b) in edits)
        {
            if (lines.Count == 0)
            {
                break;
            }

            var line = a % lines.Count;
            switch (kind)
            {
                case 0 or 1:
                    // Twice as likely as the rest: it keeps the structure, so it reaches the field checks.
                    var value = Values[b % Values.Length];
                    lines[line] = ReplaceValue(lines[line], value);
                    described.Add($"line {line + 1} value → {Shorten(value)}");
                    break;
                case 2:
                    lines.RemoveAt(line);
                    described.Add($"line {line + 1} deleted");
                    break;
                case 3:
                    lines.Insert(line, lines[line]);
                    described.Add($"line {line + 1} doubled");
                    break;
                case 4:
                    var target = b % lines.Count;
                    (lines[line], lines[target]) = (lines[target], lines[line]);
                    described.Add($"lines {line + 1} and {target + 1} swapped");
                    break;
                case 5:
                    var text = lines[line];
                    var at = text.Length == 0 ? 0 : b % text.Length;
                    var character = Characters[b % Characters.Length];
                    lines[line] = text.Insert(at, character);
                    described.Add($"line {line + 1} col {at + 1} got {Shorten(character)}");
                    break;
                default:
                    var indent = b % 2 == 0 ? "  " : "";
                    lines[line] = b % 2 == 0 ? indent + lines[line] : lines[line].TrimStart();
                    if (b % 7 == 0)
                    {
                        lines.RemoveRange(line, lines.Count - line);
                        described.Add($"cut after line {line}");
                    }
                    else
                    {
                        described.Add($"line {line + 1} {(indent.Length > 0 ? "indented" : "dedented")}");
                    }

                    break;
            }
        }

        return new MutatedScenario(name, string.Join('\n', lines), described);
    }

    /// <summary>Replaces what follows the line's first <c>key:</c> (or <c>- </c>), keeping the key and any comment out.</summary>
    private static string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            return line[..(colon + 2)] + value;
        }

        var dash = line.IndexOf("- ", StringComparison.Ordinal);
        return dash >= 0 ? line[..(dash + 2)] + value : value;
    }

    private static string Shorten(string text) => text.Length > 20 ? $"{text[..10]}…({text.Length} chars)" : text.Replace("\0", "\\0").Replace("\n", "\\n").Replace("\t", "\\t");
}
