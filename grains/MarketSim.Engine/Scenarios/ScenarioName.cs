using System.Text;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// What a scenario's <c>name</c> may be, and the form of it that goes into folder names and run ids.
/// A name is a label, never a path: a shared scenario file must not be able to place a run's folder
/// outside <c>--out</c>.
/// </summary>
public static class ScenarioName
{
    /// <summary>Longest name accepted; folder names built from it stay far below the file system's 255 bytes.</summary>
    public const int MaxLength = 64;

    /// <summary>Characters allowed besides letters and digits.</summary>
    public const string Punctuation = " -_.,+()[]";

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + Punctuation);

    /// <summary>Why <paramref name="name"/> is not a valid scenario name, or null when it is.</summary>
    public static string? ProblemWith(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters, got {name.Length}";
        }

        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            return "must start with a letter or digit";
        }

        var at = name.AsSpan().IndexOfAnyExcept(Allowed);
        if (at < 0)
        {
            return null;
        }

        var bad = name[at];
        return $"may hold only letters, digits and '{Punctuation.Trim()}' and spaces; '{(char.IsControl(bad) ? $"U+{(int)bad:X4}" : bad.ToString())}' is not allowed";
    }

    /// <summary>
    /// <paramref name="name"/> as one folder-name segment: letters, digits, '-', '_' and '.' kept, any
    /// other run of characters one '-'; never empty, never starting with '.'.
    /// </summary>
    public static string ForFileSystem(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
            if (keep)
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var segment = text.ToString().Trim('-', '.');
        return segment.Length > 0 ? segment[..Math.Min(segment.Length, MaxLength)] : "run";
    }
}
