using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MarketSim.Engine.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Tests.Scenarios;

/// <summary>
/// The JSON Schema of scenario files (<c>marketsim schema</c>, committed as docs/scenario.schema.json) against the
/// reader and the library: every library file points editors at it and is valid against it, and it rejects what
/// the reader rejects field by field.
/// </summary>
public sealed class ScenarioJsonSchemaTests
{
    private const string EditorLine = $"# yaml-language-server: $schema={ScenarioJsonSchema.LibraryPath}";

    private static readonly JsonSchema Schema = JsonSchema.FromText(ScenarioJsonSchema.Write());

    public static TheoryData<string> LibraryFiles => [.. Directory.GetFiles(RepositoryRoot.Scenarios, "*.yaml").Select(path => Path.GetFileName(path)).Order()];

    [Fact]
    public void The_committed_schema_is_what_marketsim_schema_writes()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "scenario.schema.json"));

        Assert.True(committed == ScenarioJsonSchema.Write(), "docs/scenario.schema.json is out of date: run `marketsim schema --out docs/scenario.schema.json`");
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void A_library_scenario_points_editors_at_the_schema_and_is_valid_against_it(string file)
    {
        var text = File.ReadAllText(RepositoryRoot.Scenario(file));

        Assert.Equal(EditorLine, text.Split('\n')[0]);
        Assert.Empty(Errors(text));
    }

    [Theory]
    [InlineData("ticks: 100\nwarp: 9", "warp")]
    [InlineData("ticks: many", "ticks")]
    [InlineData("ticks: 0", "ticks")]
    [InlineData("ticks: 100", "retail.mix.noise", "mix: { noise: 2 }")]
    [InlineData("ticks: 100\ncascade: { maxRounds: 2.5 }", "cascade.maxRounds")]
    [InlineData("ticks: 100\ntrace: { everyTicks: 1 }", "trace")]
    public void The_schema_rejects_a_field_the_reader_rejects(string fields, string field, string retail = "")
    {
        var yaml = Probe(fields, retail);

        Assert.False(ScenarioReader.Read(yaml, "probe.yaml").Ok);
        Assert.Contains(Errors(yaml), error => error.Contains(field.Split('.')[^1], StringComparison.Ordinal) || error.Contains(field.Replace('.', '/'), StringComparison.Ordinal));
    }

    [Fact]
    public void The_probe_the_rejections_start_from_is_valid_for_both()
    {
        Assert.True(ScenarioReader.Read(Probe("ticks: 100"), "probe.yaml").Ok);
        Assert.Empty(Errors(Probe("ticks: 100")));
    }

    [Fact]
    public void A_file_that_extends_a_base_need_not_hold_the_fields_its_base_holds()
    {
        Assert.Empty(Errors("extends: quickstart.yaml\nticks: 50\n"));
        Assert.NotEmpty(Errors("ticks: 50\n"));
    }

    /// <summary>A valid small scenario with <paramref name="fields"/> at the top and <paramref name="retail"/> in its retail section.</summary>
    private static string Probe(string fields, string retail = "") =>
        $"name: probe\n{fields}\ninstruments: [{{ id: X, tickSize: 1, lotSize: 1, initialPrice: 100 }}]\nvenues: [{{ id: v, instruments: [X] }}]\n"
        + $"retail: {{ count: 100, instrument: X, venue: v{(retail.Length > 0 ? ", " + retail : "")} }}\n";

    /// <summary>The schema's complaints about a YAML scenario, read as an editor reads it (plain scalars typed as YAML 1.2 does).</summary>
    private static List<string> Errors(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var instance = JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode));
        var result = Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"))];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } => Plain(text ?? ""),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    private static JsonNode? Plain(string text) => text switch
    {
        "" or "~" or "null" => null,
        "true" => true,
        "false" => false,
        _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => integer,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => text,
    };
}
