using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// One field the reader accepts, as it applies it: where (<see cref="Section"/>, e.g. <c>retail.capital</c> or
/// <c>marketMakers[i]</c>; empty for the top level), whether it is required, and the default it fills in when the
/// field is left out (null for a section or an optional field with no value, such as <c>checkpoint</c>), and what
/// values it takes (<see cref="Type"/>, with the numbers' <see cref="Range"/> and a choice's names).
/// docs/scenario-schema.md and the JSON Schema (<see cref="ScenarioJsonSchema"/>) are made from these.
/// </summary>
internal sealed partial record SchemaField(string Section, string Name, bool Required, string? Default)
{
    public SchemaType Type { get; init; }

    /// <summary>The numbers a number, integer or integer list accepts.</summary>
    public ValueRange? Range { get; init; }

    /// <summary>The names a choice accepts, as the file writes them.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Where the fields of a mapping or of a list of mappings are: <c>retail.capital</c>, <c>venues[i]</c>.</summary>
    public string ChildSection => Type == SchemaType.Mappings ? $"{Path}[i]" : Path;

    private string Path => Section.Length == 0 ? Name : $"{Section}.{Name}";

    // Equality as the schema page sees a field: the values it takes are the JSON Schema's concern.
    public bool Equals(SchemaField? other) =>
        other is not null && Section == other.Section && Name == other.Name && Required == other.Required && Default == other.Default;

    public override int GetHashCode() => HashCode.Combine(Section, Name, Required, Default);

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
