using System.Xml.Linq;

namespace MarketSim.Architecture.Tests;

/// <summary>
/// The solution's projects in layers, lowest first, by path from the repository root. A project may reference
/// projects of lower layers only. The picture in ARCHITECTURE.md ("Projects").
/// </summary>
public static class ProjectLayers
{
    public static IReadOnlyList<IReadOnlyList<string>> Layers { get; } =
    [
        ["grains/MarketSim.Engine/MarketSim.Engine.csproj"],
        ["grains/MarketSim.Abstractions/MarketSim.Abstractions.csproj"],
        ["grains/MarketSim.Grains/MarketSim.Grains.csproj"],
        ["silo/MarketSim.Silo.csproj", "client/MarketSim.Client.csproj"],
        ["bench/MarketSim.Bench.csproj", "tests/MarketSim.Testing/MarketSim.Testing.csproj"],
        [
            "tests/MarketSim.Engine.Tests/MarketSim.Engine.Tests.csproj",
            "tests/MarketSim.Grains.Tests/MarketSim.Grains.Tests.csproj",
            "tests/MarketSim.Client.Tests/MarketSim.Client.Tests.csproj",
            "tests/MarketSim.EndToEnd.Tests/MarketSim.EndToEnd.Tests.csproj",
            "tests/MarketSim.Architecture.Tests/MarketSim.Architecture.Tests.csproj",
        ],
    ];

    /// <summary>Packages the Engine project may not reference: the hosts and the console.</summary>
    public static IReadOnlyList<string> ForbiddenInEngine { get; } = ["Microsoft.Orleans", "Spectre.Console", "System.CommandLine", "Microsoft.AspNetCore"];

    /// <summary>Every project file under <paramref name="root"/> (build output left out), by path from it.</summary>
    public static IReadOnlyList<string> ProjectsUnder(string root) =>
        [.. Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Relative(root, p))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)];

    /// <summary>The projects <paramref name="project"/> references, by path from <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> ReferencesOf(string root, string project)
    {
        var file = Path.Combine(root, project);
        return [.. Items(file, "ProjectReference")
            .Select(include => Relative(root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include.Replace('\\', '/')))))];
    }

    /// <summary>The packages <paramref name="project"/> references.</summary>
    public static IReadOnlyList<string> PackagesOf(string root, string project) => Items(Path.Combine(root, project), "PackageReference");

    /// <summary>One line per reference from a project to one of its own layer or above: "from → to".</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<IReadOnlyList<string>> layers, IEnumerable<(string From, string To)> references)
    {
        var rank = layers.SelectMany((l, i) => l.Select(p => (p, i))).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        return [.. references
            .Where(r => !rank.TryGetValue(r.From, out var from) || !rank.TryGetValue(r.To, out var to) || to >= from)
            .Select(r => $"{r.From} → {r.To}")];
    }

    private static IReadOnlyList<string> Items(string file, string item) =>
        [.. XDocument.Load(file).Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>()];

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
