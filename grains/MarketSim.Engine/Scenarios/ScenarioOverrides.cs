using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Applies <c>path=value</c> overrides (<c>retail.count=5000</c>, <c>funds[0].targetLeverage=4</c>) to the YAML
/// tree before it is mapped, so an overridden value is validated exactly like one written in the file.
/// </summary>
/// <remarks>
/// Values are plain scalars. Missing fields at the end of a path are created, so an override can set an optional
/// field the file leaves out (<c>seed=9</c>, <c>cascade.maxRounds=4</c>); the mapper then rejects any name that
/// is not in the schema, naming the override. List items must already exist.
/// </remarks>
internal static class ScenarioOverrides
{
    public static void Apply(YamlMappingNode root, IEnumerable<string> overrides, ReadContext context)
    {
        foreach (var text in overrides)
        {
            var separator = text.IndexOf('=', StringComparison.Ordinal);
            var pathText = (separator < 0 ? text : text[..separator]).Trim();

            // Problems are filed under the path the override names, or under the override itself if it names none.
            var where = pathText.Length > 0 ? pathText : text;
            if (separator < 0)
            {
                context.Report(where, $"override '{text}' must look like path=value", line: null);
            }
            else if (OverridePath.Parse(pathText) is not { } steps)
            {
                context.Report(where, $"override '{text}' has no valid path; write one like funds[0].targetLeverage", line: null);
            }
            else if (Set(root, steps, text[(separator + 1)..].Trim(), text, context) is { } problem)
            {
                context.Report(where, $"override '{text}' cannot apply: {problem}", line: null);
            }
        }
    }

    /// <summary>Sets the node at <paramref name="steps"/> to <paramref name="value"/>; returns why it could not, if it could not.</summary>
    private static string? Set(YamlMappingNode root, IReadOnlyList<PathStep> steps, string value, string text, ReadContext context)
    {
        var valueNode = Made(new YamlScalarNode(value), text, context);
        YamlNode node = root;
        var walked = "";
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            switch (steps[i], node)
            {
                case (FieldStep field, YamlMappingNode mapping):
                    var key = FindKey(mapping, field.Name);
                    if (key is null)
                    {
                        if (steps.Skip(i + 1).Any(step => step is IndexStep))
                        {
                            return $"'{Join(walked, field.Name)}' does not exist";
                        }

                        key = Made(new YamlScalarNode(field.Name), text, context);
                        mapping.Children.Add(key, last ? valueNode : Made(new YamlMappingNode(), text, context));
                    }
                    else if (last)
                    {
                        mapping.Children[key] = valueNode;
                    }

                    node = mapping.Children[key];
                    walked = Join(walked, field.Name);
                    break;
                case (IndexStep index, YamlSequenceNode sequence):
                    if (index.Index >= sequence.Children.Count)
                    {
                        return $"'{walked}' has {sequence.Children.Count} item(s), so no [{index.Index}]";
                    }

                    if (last)
                    {
                        sequence.Children[index.Index] = valueNode;
                    }

                    node = sequence.Children[index.Index];
                    walked = $"{walked}[{index.Index}]";
                    break;
                case (FieldStep, _):
                    return $"'{walked}' is not a mapping";
                default:
                    return $"'{walked}' is not a list";
            }
        }

        return null;
    }

    private static YamlNode? FindKey(YamlMappingNode mapping, string name) =>
        mapping.Children.Keys.FirstOrDefault(key => key is YamlScalarNode { Value: var text } && text == name);

    private static T Made<T>(T node, string text, ReadContext context)
        where T : YamlNode
    {
        context.MarkFromOverride(node, text);
        return node;
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
