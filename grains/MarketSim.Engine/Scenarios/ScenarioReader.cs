using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Reads scenario YAML into a validated <see cref="Scenario"/>, reporting every problem at once (with its path and
/// line) rather than the first. Nothing about the input makes these methods throw: an unreadable file, broken YAML
/// and an invalid scenario all come back as problems. The schema is in docs/scenario-schema.md.
/// </summary>
public static class ScenarioReader
{
    public static ScenarioReadResult ReadFile(string path) => ReadFile(path, []);

    /// <summary>Reads the file at <paramref name="path"/>, applying <paramref name="overrides"/> as <see cref="Read(string, string, IReadOnlyList{string})"/> does.</summary>
    public static ScenarioReadResult ReadFile(string path, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, $"cannot read file: {e.Message}");
        }

        return Read(text, path, overrides);
    }

    public static ScenarioReadResult Read(string yamlText, string sourceName) => Read(yamlText, sourceName, []);

    /// <summary>
    /// Reads <paramref name="yamlText"/>, first applying each <c>path=value</c> override to the YAML tree
    /// (<c>retail.count=5000</c>, <c>funds[0].targetLeverage=4</c>), so overridden values are validated like any
    /// other. <paramref name="sourceName"/> names the document in problems about it as a whole.
    /// </summary>
    public static ScenarioReadResult Read(string yamlText, string sourceName, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(overrides);
        return Read(yamlText, sourceName, overrides, new ReadContext());
    }

    /// <summary>Every field a read of <paramref name="yamlText"/> asks for, with the default it fills in: the schema as the reader applies it.</summary>
    internal static IReadOnlySet<SchemaField> FieldsRead(string yamlText)
    {
        var fields = new HashSet<SchemaField>();
        Read(yamlText, "schema", [], new ReadContext { FieldsRead = fields });
        return fields;
    }

    private static ScenarioReadResult Read(string yamlText, string sourceName, IReadOnlyList<string> overrides, ReadContext context)
    {
        Scenario? scenario = null;
        if (LoadDocument(yamlText, sourceName, context) is { } document && ScenarioComposition.Compose(document, sourceName, context) is { } root)
        {
            if (root is YamlMappingNode mapping)
            {
                ScenarioOverrides.Apply(mapping, overrides, context);
            }

            scenario = new ScenarioMapper(sourceName, context).Map(root);
        }

        return new ScenarioReadResult(scenario, context.Problems);
    }

    internal static YamlNode? LoadDocument(string yamlText, string sourceName, ReadContext context)
    {
        var stream = new YamlStream();
        var parser = new GuardedYamlParser(new StringReader(yamlText));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            context.Report(sourceName, $"invalid YAML: {e.Message}", (int)e.Start.Line);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, with no position, for some malformed input it fails to diagnose.
            context.Report(sourceName, "invalid YAML: the parser gave up here", (int)parser.LastGood.Line);
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                context.Report(sourceName, "is empty", line: null);
                return null;
            case 1:
                return stream.Documents[0].RootNode;
            default:
                context.Report(sourceName, "must hold one YAML document, not several", (int)stream.Documents[1].RootNode.Start.Line);
                return null;
        }
    }

    private static ScenarioReadResult Failed(string path, string message) =>
        new(null, [new ScenarioProblem(path, message, null)]);
}
