using System.Reflection;
using NetArchTest.Rules;

namespace MarketSim.Architecture.Tests;

/// <summary>
/// The namespaces under one root in layers, lowest first. A namespace may depend on namespaces of lower
/// layers only: not on one of its own layer, not on one above. A sub-namespace counts as its parent
/// (<c>Participants.Retail</c> is <c>Participants</c>).
/// </summary>
public sealed class NamespaceLayers(string root, params string[][] layers)
{
    public string Root => root;

    public IReadOnlyList<IReadOnlyList<string>> Layers => layers;

    /// <summary>One line per forbidden edge, "Lower → Higher: the types that depend on it".</summary>
    public IReadOnlyList<string> Violations(Assembly assembly)
    {
        var problems = new List<string>();
        for (var i = 0; i < layers.Length; i++)
        {
            foreach (var name in layers[i])
            {
                var forbidden = layers.Skip(i).SelectMany(l => l).Where(n => n != name).Select(Qualified).ToArray();
                if (forbidden.Length == 0 || Check(assembly, name, forbidden).IsSuccessful)
                {
                    continue;
                }

                // Only a failing namespace pays for naming each edge it breaks.
                foreach (var other in forbidden)
                {
                    var result = Check(assembly, name, other);
                    if (!result.IsSuccessful)
                    {
                        problems.Add($"{name} → {other[(root.Length + 1)..]}: {string.Join(", ", result.FailingTypeNames.Order(StringComparer.Ordinal))}");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Namespaces under the root that no layer places, so nothing would check them.</summary>
    public IReadOnlyList<string> Unplaced(Assembly assembly)
    {
        var placed = layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        return [.. assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && (n == root || n.StartsWith(root + ".", StringComparison.Ordinal)))
            .Select(n => n == root ? "(root)" : n![(root.Length + 1)..].Split('.')[0])
            .Where(n => !placed.Contains(n))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private string Qualified(string name) => $"{root}.{name}";

    private TestResult Check(Assembly assembly, string name, params string[] forbidden) =>
        Types.InAssembly(assembly).That().ResideInNamespace(Qualified(name)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
}
