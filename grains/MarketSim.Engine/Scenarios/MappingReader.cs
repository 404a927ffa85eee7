using System.Globalization;
using System.Numerics;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Reads the fields of one YAML mapping into typed values, reporting every problem to the shared
/// <see cref="ReadContext"/> rather than stopping at the first. A field that is missing, of the wrong type or out
/// of range reads as a placeholder (zero, empty) so that reading can go on; <see cref="AreValid"/> says which
/// values can be trusted by checks that combine fields. The reader remembers the fields it was asked for, so
/// <see cref="RejectUnknownFields"/> needs no second list of names.
/// </summary>
/// <remarks>Methods that take a <c>defaultValue</c> treat the field as required when it is null.</remarks>
internal sealed class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly ReadContext _context;
    private readonly int _problemsBefore;

    // How problems with the mapping itself name it: its path, or the source name for the document root.
    private readonly string _name;
    private readonly HashSet<string> _knownFields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalidFields = new(StringComparer.Ordinal);

    private MappingReader(YamlMappingNode node, string path, string name, ReadContext context)
    {
        _node = node;
        _context = context;
        _problemsBefore = context.ProblemCount;
        _name = name;
        Path = path;
    }

    /// <summary>Opens the document's root mapping; <paramref name="sourceName"/> names it in problems.</summary>
    public static MappingReader Root(YamlMappingNode node, string sourceName, ReadContext context) =>
        new(node, "", sourceName, context);

    /// <summary>Where this mapping is, e.g. <c>venues[1]</c>; empty for the document root.</summary>
    public string Path { get; }

    /// <summary>Whether any problem was reported in this mapping, or anywhere below it, since it was opened.</summary>
    public bool HasProblems => _context.ProblemCount > _problemsBefore;

    /// <summary>Whether the fields read cleanly (present and valid, or absent and defaulted).</summary>
    public bool AreValid(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_invalidFields.Contains(key))
            {
                return false;
            }
        }

        return true;
    }

    public string String(string key, string? defaultValue = null)
    {
        Declare(key, required: defaultValue is null, defaultValue, SchemaType.String);
        if (Find(key, required: defaultValue is null) is not { } node)
        {
            return defaultValue ?? "";
        }

        return ScalarText(key, node, "a string") ?? "";
    }

    /// <summary>Reads an optional string that has no default: null when it is left out.</summary>
    public string? OptionalString(string key)
    {
        Declare(key, required: false, defaultValue: null, SchemaType.String);
        return Find(key, required: false) is { } node ? ScalarText(key, node, "a string") ?? "" : null;
    }

    public int Int(string key, ValueRange range, int? defaultValue = null) =>
        Number(key, range, defaultValue, NumberStyles.Integer, "an integer");

    public long Long(string key, ValueRange range, long? defaultValue = null) =>
        Number(key, range, defaultValue, NumberStyles.Integer, "an integer");

    public double Double(string key, ValueRange range, double? defaultValue = null) =>
        Number(key, range, defaultValue, NumberStyles.Float, "a number");

    /// <summary>Reads a switch: <c>true</c> or <c>false</c>.</summary>
    public bool Bool(string key, bool defaultValue)
    {
        Declare(key, required: false, defaultValue, SchemaType.Boolean);
        if (Find(key, required: false) is not { } node || ScalarText(key, node, "true or false") is not { } text)
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Fail(key, node, $"must be true or false, got '{text}'");
        return defaultValue;
    }

    /// <summary>Reads a required decimal: prices and sizes, which must stay exact.</summary>
    public decimal Decimal(string key, ValueRange range) =>
        Number<decimal>(key, range, defaultValue: null, NumberStyles.Float, "a number");

    /// <summary>Reads a required enum value, matching its camelCase name without regard to case.</summary>
    public TEnum Choice<TEnum>(string key)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        string[] choices = [.. names.Select(JsonNamingPolicy.CamelCase.ConvertName)];
        var expected = $"one of {string.Join(", ", choices)}";
        Declare(key, required: true, defaultValue: null, SchemaType.Choice, choices: choices);
        if (Find(key, required: true) is not { } node || ScalarText(key, node, expected) is not { } text)
        {
            return default;
        }

        if (names.FirstOrDefault(name => name.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            return Enum.Parse<TEnum>(match);
        }

        Fail(key, node, $"must be {expected}, got '{text}'");
        return default;
    }

    /// <summary>Reads a required, non-empty list of names. Items that are not names are reported and left out.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        Declare(key, required: true, defaultValue: null, SchemaType.Strings);
        return ReadStrings(key);
    }

    /// <summary>Reads an optional list of names: absent, it is <paramref name="defaultValue"/>; given, it must not be empty.</summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> defaultValue)
    {
        Declare(key, required: false, defaultValue, SchemaType.Strings);
        return Find(key, required: false) is null ? defaultValue : ReadStrings(key);
    }

    private List<string> ReadStrings(string key)
    {
        if (Sequence(key, required: true) is not { } items)
        {
            return [];
        }

        var values = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { } value } && !YamlNodes.IsNull(items[i]))
            {
                values.Add(value);
            }
            else
            {
                Fail(key, ItemPath(key, i), items[i], $"must be a string, got {YamlNodes.Describe(items[i])}");
            }
        }

        return values;
    }

    /// <summary>Reads a list of integers in <paramref name="range"/>; absent, it is <paramref name="defaultValue"/>.</summary>
    public IReadOnlyList<int> Ints(string key, ValueRange range, IReadOnlyList<int> defaultValue)
    {
        Declare(key, required: false, defaultValue, SchemaType.Integers, range);
        if (Find(key, required: false) is null)
        {
            return defaultValue;
        }

        if (Sequence(key, required: true) is not { } items)
        {
            return defaultValue;
        }

        var values = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { } text }
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && range.Contains(value))
            {
                values.Add(value);
            }
            else
            {
                Fail(key, ItemPath(key, i), items[i], $"must be an integer {range}, got {YamlNodes.Describe(items[i])}");
            }
        }

        return values;
    }

    /// <summary>
    /// Opens each mapping in a list; a required list must have at least one. Items that are not mappings are
    /// reported and left out.
    /// </summary>
    public IReadOnlyList<MappingReader> Mappings(string key, bool required)
    {
        Declare(key, required, required ? null : Array.Empty<object>(), SchemaType.Mappings);
        if (Sequence(key, required) is not { } items)
        {
            return [];
        }

        var readers = new List<MappingReader>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlMappingNode mapping)
            {
                readers.Add(Child(mapping, ItemPath(key, i)));
            }
            else
            {
                Fail(key, ItemPath(key, i), items[i], $"must be a mapping, got {YamlNodes.Describe(items[i])}");
            }
        }

        return readers;
    }

    /// <summary>Opens a required nested mapping; null, and reported, when it is missing or not a mapping.</summary>
    public MappingReader? Mapping(string key)
    {
        Declare(key, required: true, defaultValue: null, SchemaType.Mapping);
        return Nested(key, required: true);
    }

    /// <summary>
    /// Opens an optional nested mapping. When it is absent, or unusable (which is reported), the reader is over an
    /// empty mapping, so every field in it reads its default.
    /// </summary>
    public MappingReader OptionalMapping(string key)
    {
        Declare(key, required: false, defaultValue: null, SchemaType.Mapping);
        return Nested(key, required: false) ?? Child(new YamlMappingNode(), ChildPath(key));
    }

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string key) => Lookup(key) is { } node && !YamlNodes.IsNull(node);

    /// <summary>Reports a problem with a field that read cleanly on its own but not in combination.</summary>
    public void ReportField(string key, string message) => Fail(key, Lookup(key) ?? _node, message);

    /// <summary>Reports a problem with one item of a list field.</summary>
    public void ReportItem(string key, int index, string message)
    {
        var item = Lookup(key) is YamlSequenceNode sequence && index < sequence.Children.Count ? sequence.Children[index] : _node;
        Fail(key, ItemPath(key, index), item, message);
    }

    /// <summary>Reports a problem with this mapping as a whole.</summary>
    public void Report(string message) => _context.Report(_name, message, _node);

    /// <summary>Reports every field present in the mapping that nothing asked for. Call after reading all fields.</summary>
    public void RejectUnknownFields()
    {
        foreach (var key in _node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } || YamlNodes.IsNull(key))
            {
                _context.Report(_name, $"field names must be plain text, got {YamlNodes.Describe(key)}", key);
                continue;
            }

            if (_knownFields.Contains(name))
            {
                continue;
            }

            var suggestion = Spelling.Closest(name, _knownFields) is { } closest ? $"; did you mean '{closest}'?" : "";
            _context.Report(ChildPath(name), $"unknown field '{name}'{suggestion}", key);
        }
    }

    private T Number<T>(string key, ValueRange range, T? defaultValue, NumberStyles styles, string expected)
        where T : struct, INumber<T>
    {
        Declare(key, required: defaultValue is null, defaultValue, styles == NumberStyles.Integer ? SchemaType.Integer : SchemaType.Number, range);
        if (Find(key, required: defaultValue is null) is not { } node)
        {
            return defaultValue ?? T.Zero;
        }

        if (ScalarText(key, node, expected) is not { } text)
        {
            return T.Zero;
        }

        if (!T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) || !T.IsFinite(value))
        {
            Fail(key, node, $"must be {expected}, got '{text}'");
            return T.Zero;
        }

        if (!range.Contains(double.CreateChecked(value)))
        {
            Fail(key, node, $"must be {range.Describe(double.CreateChecked(value))}, got {text}");
            return T.Zero;
        }

        return value;
    }

    private void Declare(string key, bool required, object? defaultValue, SchemaType type, ValueRange? range = null, IReadOnlyList<string>? choices = null) =>
        _context.FieldsRead?.Add(new SchemaField(SchemaField.SectionOf(Path), key, required, SchemaField.Format(defaultValue))
        {
            Type = type,
            Range = range,
            Choices = choices ?? [],
        });

    private MappingReader? Nested(string key, bool required)
    {
        if (Find(key, required) is not { } node)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return Child(mapping, ChildPath(key));
        }

        Fail(key, node, $"must be a mapping, got {YamlNodes.Describe(node)}");
        return null;
    }

    private IList<YamlNode>? Sequence(string key, bool required)
    {
        if (Find(key, required) is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Fail(key, node, $"must be a list, got {YamlNodes.Describe(node)}");
            return null;
        }

        if (required && sequence.Children.Count == 0)
        {
            Fail(key, node, "must have at least one item");
            return null;
        }

        return sequence.Children;
    }

    private string? ScalarText(string key, YamlNode node, string expected)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        Fail(key, node, $"must be {expected}, got {YamlNodes.Describe(node)}");
        return null;
    }

    /// <summary>The field's value, or null when it is absent or YAML null; registers the name as known.</summary>
    private YamlNode? Find(string key, bool required)
    {
        _knownFields.Add(key);
        var node = Lookup(key);
        if (node is not null && !YamlNodes.IsNull(node))
        {
            return node;
        }

        if (required)
        {
            Fail(key, node ?? _node, "is required");
        }

        return null;
    }

    private YamlNode? Lookup(string key)
    {
        foreach (var (name, value) in _node.Children)
        {
            if (name is YamlScalarNode { Value: var text } && text == key)
            {
                return value;
            }
        }

        return null;
    }

    private MappingReader Child(YamlMappingNode node, string path) => new(node, path, path, _context);

    private void Fail(string key, YamlNode at, string message) => Fail(key, ChildPath(key), at, message);

    private void Fail(string key, string path, YamlNode at, string message)
    {
        _invalidFields.Add(key);
        _context.Report(path, message, at);
    }

    private string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private string ItemPath(string key, int index) => $"{ChildPath(key)}[{index}]";
}
