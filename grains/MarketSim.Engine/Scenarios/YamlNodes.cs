using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Scenarios;

/// <summary>What the reader needs to know about a YAML node beyond its type.</summary>
internal static class YamlNodes
{
    /// <summary>
    /// Whether the node is YAML's null (<c>key:</c> with nothing after it, <c>~</c>, <c>null</c>); such a field
    /// counts as absent. Quoted scalars are strings, never null.
    /// </summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>How a value is quoted in "got ..." messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        // Aliases are resolved while loading, so a mapping is all that is left.
        _ => "a mapping",
    };
}
