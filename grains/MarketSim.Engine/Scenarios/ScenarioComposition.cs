using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// <c>extends: base.yaml</c>: a scenario written as its differences from another. The base — a path relative to the
/// file that names it, itself free to extend a third — is read first, and the file's mappings are merged into it key
/// by key to any depth; a value that is not a mapping on both sides (a number, a list) replaces the base's whole, and
/// a key set to nothing removes the base's value. Overrides (<c>--set</c>) apply to the merged tree. A problem in
/// a field that came from a base names that file with the line.
/// </summary>
internal static class ScenarioComposition
{
    public const string Field = "extends";

    /// <summary>Bases deep; more is a mistake, not a design.</summary>
    public const int MaxDepth = 8;

    /// <summary>The scenario <paramref name="root"/> read from <paramref name="sourceName"/> means, with its bases merged in; null after a problem.</summary>
    public static YamlNode? Compose(YamlNode root, string sourceName, ReadContext context)
    {
        context.FieldsRead?.Add(new SchemaField("", Field, Required: false, Default: null));
        return Resolve(root, sourceName, context, [FullPath(sourceName)]);
    }

    private static YamlNode? Resolve(YamlNode root, string sourceName, ReadContext context, List<string> chain)
    {
        var key = root is YamlMappingNode mapping ? mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: Field }) : null;
        if (key is null)
        {
            return root;
        }

        var top = (YamlMappingNode)root;
        var value = top.Children[key];
        top.Children.Remove(key);
        if (value is not YamlScalarNode { Value: { Length: > 0 } written } || YamlNodes.IsNull(value))
        {
            context.Report(Field, $"must name a scenario file, got {YamlNodes.Describe(value)}", value);
            return null;
        }

        var basePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath(sourceName)) ?? ".", written));
        if (chain.Contains(basePath, StringComparer.Ordinal))
        {
            context.Report(Field, $"'{written}' closes a cycle: {string.Join(" → ", chain.Append(basePath).Select(Path.GetFileName))}", value);
            return null;
        }

        if (chain.Count > MaxDepth)
        {
            context.Report(Field, $"more than {MaxDepth} bases deep", value);
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(basePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Report(Field, e is FileNotFoundException or DirectoryNotFoundException ? $"'{written}': file not found" : $"'{written}': cannot be read: {e.Message}", value);
            return null;
        }

        if (ScenarioReader.LoadDocument(text, written, context) is not { } baseRoot)
        {
            return null;
        }

        // Marked before its own bases are read, so that a problem with its `extends` points into it too.
        context.MarkFromBase(baseRoot, written);
        if (Resolve(baseRoot, basePath, context, [.. chain, basePath]) is not { } resolved)
        {
            return null;
        }

        if (resolved is not YamlMappingNode baseMapping)
        {
            context.Report(Field, $"'{written}' must be a mapping of scenario fields, got {YamlNodes.Describe(resolved)}", value);
            return null;
        }

        Merge(baseMapping, top);
        return baseMapping;
    }

    /// <summary>Merges <paramref name="changes"/> into <paramref name="into"/>: mappings key by key, anything else replaced.</summary>
    private static void Merge(YamlMappingNode into, YamlMappingNode changes)
    {
        foreach (var (key, value) in changes.Children)
        {
            var existing = key is YamlScalarNode { Value: { } name }
                ? into.Children.Keys.FirstOrDefault(k => k is YamlScalarNode scalar && scalar.Value == name)
                : null;
            if (existing is null)
            {
                into.Children.Add(key, value);
            }
            else if (into.Children[existing] is YamlMappingNode below && value is YamlMappingNode above)
            {
                Merge(below, above);
            }
            else
            {
                into.Children[existing] = value;
            }
        }
    }

    private static string FullPath(string sourceName) => Path.GetFullPath(sourceName);
}
