using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// The scenario format as a JSON Schema (draft 2020-12), made from the fields the reader asks for — the same list
/// docs/scenario-schema.md is tested against — so it cannot drift from what <see cref="ScenarioReader"/> accepts:
/// every section and field, its type, numeric bounds, choices and default, unknown fields rejected. Editors read
/// it through the <c># yaml-language-server: $schema=…</c> line of a scenario file (<c>marketsim schema</c> writes it).
/// </summary>
/// <remarks>
/// What the reader checks across fields (a venue's instruments exist, a maximum above its minimum, the limits of
/// <see cref="ScenarioLimits"/> in combination) is not in the schema; the reader remains the judge. A file that
/// <c>extends</c> a base may leave out what its base holds, so for it no field is required.
/// </remarks>
public static class ScenarioJsonSchema
{
    /// <summary>Where library scenarios point editors, relative to <c>scenarios/</c>.</summary>
    public const string LibraryPath = "../docs/scenario.schema.json";

    /// <summary>
    /// A scenario with every section present and each list with one empty item, so the reader asks for every field
    /// it knows. The schema page's test reads the same list.
    /// </summary>
    internal const string EverySection = """
        name: schema
        ticks: 1
        checkpoint: {}
        cascade: {}
        instruments: [{}]
        venues: [{ markPrice: { sources: [{}] } }]
        retail:
          capital: {}
          mix: {}
          noise: {}
          trend: {}
          stopLoss: {}
          dipBuying: {}
          lossAversion: {}
          leverage: {}
          fundamental: {}
          activityFeedback: {}
          orderSizeTail: {}
          venuePreference: [{}]
        marketMakers: [{}]
        funds: [{ redemptions: {} }]
        valueFunds: [{ redemptions: {} }]
        ctas: [{}]
        leveragedEtfs: [{}]
        allocators: [{}]
        arbitrageurs: [{}]
        etfs: [{}]
        events:
          sentimentShocks: [{}]
          cutProbability: { path: [{}] }
          sentimentNoise: {}
          flows: [{}]
        metrics: {}
        """;

    /// <summary>The schema as indented JSON.</summary>
    public static string Write()
    {
        var fields = ScenarioReader.FieldsRead(EverySection).ToLookup(field => field.Section, StringComparer.Ordinal);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://marketsim.dev/scenario.schema.json",
            ["title"] = "MarketSim scenario",
            ["description"] = "A MarketSim scenario file (docs/scenario-schema.md). Written by `marketsim schema`; the reader (`marketsim validate`) is the judge.",
            ["if"] = new JsonObject { ["required"] = new JsonArray("extends") },
            ["then"] = new JsonObject { ["$ref"] = "#/$defs/part" },
            ["else"] = new JsonObject { ["$ref"] = "#/$defs/scenario" },
            ["$defs"] = new JsonObject
            {
                ["scenario"] = Section(fields, "", required: true),
                ["part"] = Section(fields, "", required: false),
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Section(ILookup<string, SchemaField> fields, string section, bool required)
    {
        var properties = new JsonObject();
        foreach (var field in fields[section].OrderBy(field => field.Name, StringComparer.Ordinal))
        {
            properties[field.Name] = Value(fields, field, required);
        }

        var node = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        string[] names = [.. fields[section].Where(field => field.Required).Select(field => field.Name).Order(StringComparer.Ordinal)];
        if (required && names.Length > 0)
        {
            node["required"] = new JsonArray([.. names.Select(name => JsonValue.Create(name))]);
        }

        return node;
    }

    private static JsonObject Value(ILookup<string, SchemaField> fields, SchemaField field, bool required)
    {
        var node = field.Type switch
        {
            SchemaType.Mapping => Section(fields, field.ChildSection, required),
            SchemaType.Mappings => new JsonObject { ["type"] = "array", ["items"] = Section(fields, field.ChildSection, required) },
            SchemaType.Strings => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["minItems"] = 1 },
            SchemaType.Integers => new JsonObject { ["type"] = "array", ["items"] = Bounded("integer", field.Range) },
            SchemaType.Integer => Bounded("integer", field.Range),
            SchemaType.Number => Bounded("number", field.Range),
            SchemaType.Boolean => new JsonObject { ["type"] = "boolean" },
            SchemaType.Choice => new JsonObject { ["enum"] = new JsonArray([.. field.Choices.Select(choice => JsonValue.Create(choice))]) },
            _ => new JsonObject { ["type"] = "string" },
        };
        if (required && field.Type == SchemaType.Mappings && field.Required)
        {
            node["minItems"] = 1;
        }

        if (DefaultOf(field) is { } value)
        {
            node["default"] = value;
        }

        return node;
    }

    private static JsonObject Bounded(string type, ValueRange? range)
    {
        var node = new JsonObject { ["type"] = type };
        foreach (var (keyword, bound) in range?.SchemaBounds() ?? [])
        {
            node[keyword] = bound;
        }

        return node;
    }

    /// <summary>
    /// A number's or a switch's default as a JSON value; none for the rest, whose defaults can be another field's
    /// value (<c>retail.instrument</c>), which the schema page states in words.
    /// </summary>
    private static JsonNode? DefaultOf(SchemaField field) => (field.Type, field.Default) switch
    {
        (SchemaType.Integer or SchemaType.Number, { } text) when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        (SchemaType.Boolean, { } text) when bool.TryParse(text, out var flag) => flag,
        _ => null,
    };
}
