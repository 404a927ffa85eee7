using YamlDotNet.RepresentationModel;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// What one read shares across the tree: the problems found so far, and which nodes came from overrides rather
/// than from the file. Those have no line to point at, so their problems name the override instead.
/// </summary>
internal sealed class ReadContext
{
    private readonly List<ScenarioProblem> _problems = [];
    private readonly Dictionary<YamlNode, string> _overrideOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlNode, string> _fileOf = new(ReferenceEqualityComparer.Instance);

    public int ProblemCount => _problems.Count;

    /// <summary>When set, every field the mapper asks for is added to it (what the schema test reads); null in normal reads.</summary>
    public ISet<SchemaField>? FieldsRead { get; init; }

    /// <summary>The problems in file order; those without a line (overrides, the file itself) come first.</summary>
    public IReadOnlyList<ScenarioProblem> Problems => [.. _problems.OrderBy(problem => problem.Line ?? 0)];

    /// <summary>Records that <paramref name="node"/> was made by the override <paramref name="overrideText"/>.</summary>
    public void MarkFromOverride(YamlNode node, string overrideText) => _overrideOf[node] = overrideText;

    /// <summary>Records that the nodes under <paramref name="root"/> came from the base <paramref name="file"/>.</summary>
    public void MarkFromBase(YamlNode root, string file)
    {
        foreach (var node in root.AllNodes)
        {
            _fileOf.TryAdd(node, file);
        }
    }

    /// <summary>Reports a problem with <paramref name="at"/>, located by its line (and base file) or by the override that made it.</summary>
    public void Report(string path, string message, YamlNode at)
    {
        if (_overrideOf.TryGetValue(at, out var overrideText))
        {
            Report(path, $"{message} (from override '{overrideText}')", line: null);
        }
        else
        {
            Report(path, message, (int)at.Start.Line, _fileOf.GetValueOrDefault(at));
        }
    }

    public void Report(string path, string message, int? line, string? file = null) => _problems.Add(new ScenarioProblem(path, message, line) { File = file });
}
