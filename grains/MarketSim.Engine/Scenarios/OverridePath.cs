using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.Engine.Scenarios;

/// <summary>One step of an override path: a field of a mapping, or an item of a list.</summary>
internal abstract record PathStep;

internal sealed record FieldStep(string Name) : PathStep;

internal sealed record IndexStep(int Index) : PathStep;

/// <summary>Parses override paths such as <c>seed</c>, <c>retail.count</c> or <c>funds[0].targetLeverage</c>.</summary>
internal static partial class OverridePath
{
    /// <summary>The steps of <paramref name="text"/>, or null when it is not a path.</summary>
    public static IReadOnlyList<PathStep>? Parse(string text)
    {
        if (!Shape().IsMatch(text))
        {
            return null;
        }

        var steps = new List<PathStep>();
        foreach (Match step in Step().Matches(text))
        {
            if (!step.Groups["index"].Success)
            {
                steps.Add(new FieldStep(step.Value));
            }
            else if (int.TryParse(step.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                steps.Add(new IndexStep(index));
            }
            else
            {
                return null;
            }
        }

        return steps;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*)*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*|\[(?<index>[0-9]+)\]")]
    private static partial Regex Step();
}
