using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// One field the reader accepts, as it applies it: where (<see cref="Section"/>, e.g. <c>retail.capital</c> or
/// <c>marketMakers[i]</c>; empty for the top level), whether it is required, and the default it fills in when the
/// field is left out (null for a section or an optional field with no value, such as <c>checkpoint</c>).
/// docs/scenario-schema.md is tested against these.
/// </summary>
internal sealed partial record SchemaField(string Section, string Name, bool Required, string? Default)
{
    /// <summary>The section a reader's path belongs to: list positions become <c>[i]</c>.</summary>
    public static string SectionOf(string path) => ItemIndex().Replace(path, "[i]");

    /// <summary>A default as the schema page writes it: invariant numbers, <c>""</c>, lists in brackets.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        "" => "\"\"",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object>().Select(Format))}]",
        _ => value.ToString(),
    };

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ItemIndex();
}
