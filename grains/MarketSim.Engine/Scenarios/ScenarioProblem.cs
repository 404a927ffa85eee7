namespace MarketSim.Engine.Scenarios;

/// <summary>
/// One thing wrong with a scenario. <see cref="Path"/> names the field (<c>venues[1].makerFeeBps</c>), or the
/// source (file name) when the problem is with the document as a whole; <see cref="Line"/> is 1-based, and null
/// when there is no line to point at (a missing file, a value set by an override).
/// </summary>
public sealed record ScenarioProblem(string Path, string Message, int? Line)
{
    /// <summary>The base file (<c>extends</c>) the line is in; null for the file that was read.</summary>
    public string? File { get; init; }

    /// <summary>Formats the problem as <c>retail.count: must be &gt; 0, got -5 (line 12)</c>, or <c>(base.yaml line 12)</c>.</summary>
    public override string ToString() => Line is { } line ? $"{Path}: {Message} ({(File is null ? "" : File + " ")}line {line})" : $"{Path}: {Message}";
}
