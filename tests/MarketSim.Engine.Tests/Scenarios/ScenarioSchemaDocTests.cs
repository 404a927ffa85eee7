using System.Text.RegularExpressions;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Scenarios;

/// <summary>
/// docs/scenario-schema.md against the reader: every field the reader asks for has a row in the section the
/// reader reads it in, with the default the reader fills in ("required" when it has none), and every row is a
/// field the reader reads.
/// </summary>
public sealed partial class ScenarioSchemaDocTests
{
    // Defaults the reader derives from another field: the page must name the rule, not the value it gives here.
    private static readonly Dictionary<(string Section, string Name), string> DerivedDefaults = new()
    {
        [("venues[i]", "maintenanceMargin")] = "initialMargin / 2",
        [("retail.trend", "lookbackMax")] = "lookback",
        [("retail.trend", "thresholdMax")] = "threshold",
        [("retail.venuePreference[i]", "instrument")] = "retail.instrument",
    };

    private static readonly IReadOnlySet<SchemaField> Reader = ScenarioReader.FieldsRead(ScenarioJsonSchema.EverySection);

    private static readonly IReadOnlyList<DocRow> Doc = ReadDoc(Path.Combine(RepositoryRoot.Path, "docs", "scenario-schema.md"));

    [Fact]
    public void The_reader_is_asked_for_every_section()
    {
        // Guards the test itself: an empty read would make every other check pass.
        string[] sections = ["", "retail.capital", "venues[i].markPrice.sources[i]", "funds[i].redemptions", "valueFunds[i].redemptions", "events.cutProbability.path[i]", "etfs[i]", "metrics"];
        Assert.All(sections, section => Assert.Contains(Reader, field => field.Section == section));
    }

    [Fact]
    public void Every_field_the_reader_accepts_is_documented_with_its_default()
    {
        var problems = new List<string>();
        foreach (var field in Reader.OrderBy(f => f.Section, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var where = field.Section.Length == 0 ? field.Name : $"{field.Section}.{field.Name}";
            var rows = Doc.Where(row => row.Section == field.Section && row.Name == field.Name).ToList();
            if (rows.Count != 1)
            {
                problems.Add($"{where}: {rows.Count} rows in the schema page, expected 1");
                continue;
            }

            var documented = rows[0].Default;
            var expected = field.Required ? "required"
                : DerivedDefaults.TryGetValue((field.Section, field.Name), out var rule) ? rule
                : field.Default;
            if (expected is null ? documented == "required" : documented != expected)
            {
                problems.Add($"{where}: the page says default '{documented}', the reader uses '{expected ?? "(none: optional)"}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_documented_field_is_one_the_reader_accepts()
    {
        var stale = Doc.Where(row => !Reader.Any(field => field.Section == row.Section && field.Name == row.Name))
            .Select(row => row.Section.Length == 0 ? row.Name : $"{row.Section}.{row.Name}")
            .ToList();

        Assert.True(stale.Count == 0, $"documented but not read: {string.Join(", ", stale)}");
    }

    [Fact]
    public void The_reader_applies_the_defaults_it_reports()
    {
        // The recorded defaults are what a read fills in, not a second list: a scenario that leaves fields out gets them.
        var result = ScenarioReader.Read("""
            name: defaults
            ticks: 1
            instruments: [{ id: X, tickSize: 1, lotSize: 1, initialPrice: 100 }]
            venues: [{ id: v, instruments: [X] }]
            retail: { count: 1, venue: v, instrument: X }
            marketMakers: [{ id: mm, venue: v, instrument: X, cash: 1, sizePerLevel: 1 }]
            """, "defaults");

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Problems));
        var scenario = result.Scenario;
        Assert.Equal(Default("", "seed"), Invariant(scenario.Seed));
        Assert.Equal(Default("", "ticksPerDay"), Invariant(scenario.TicksPerDay));
        Assert.Equal(Default("cascade", "maxRounds"), Invariant(scenario.Cascade.MaxRounds));
        Assert.Equal(Default("retail", "cohortSize"), Invariant(scenario.Retail.CohortSize));
        Assert.Equal(Default("retail.capital", "maximum"), Invariant(scenario.Retail.Capital.Maximum));
        Assert.Equal(Default("retail.stopLoss", "limitOffsetBps"), Invariant(scenario.Retail.StopLoss.LimitOffsetBps));
        Assert.Equal(Default("marketMakers[i]", "halfSpreadBps"), Invariant(Assert.Single(scenario.MarketMakers).HalfSpreadBps));
        Assert.Equal(Default("marketMakers[i]", "permanentImpact"), Invariant(scenario.MarketMakers[0].PermanentImpact));
        Assert.Equal(Default("metrics", "restingWindow"), Invariant(scenario.Metrics.RestingWindow));
        Assert.Equal(0.5, Assert.Single(scenario.Venues).MaintenanceMargin);
    }

    private static string? Default(string section, string name) => Assert.Single(Reader, f => f.Section == section && f.Name == name).Default;

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The field rows of the page's tables, under the section their heading names (top level: "").</summary>
    private static List<DocRow> ReadDoc(string path)
    {
        var rows = new List<DocRow>();
        string[]? sections = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                var names = BacktickedName().Matches(line).Select(m => m.Groups[1].Value).ToArray();
                sections = line.Contains("Top level", StringComparison.Ordinal) ? [""] : names.Length > 0 ? names : null;
                continue;
            }

            var cells = UnescapedBar().Split(line);
            if (sections is null || cells.Length < 5 || BacktickedName().Match(cells[1].Trim()) is not { Success: true } name || name.Length != cells[1].Trim().Length)
            {
                continue;
            }

            var defaultText = cells[3].Trim().Replace("`", "", StringComparison.Ordinal);
            rows.AddRange(sections.Select(section => new DocRow(section, name.Groups[1].Value, defaultText)));
        }

        return rows;
    }

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9.\[\]]*)`")]
    private static partial Regex BacktickedName();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();

    private sealed record DocRow(string Section, string Name, string Default);
}
