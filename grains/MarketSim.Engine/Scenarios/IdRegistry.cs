namespace MarketSim.Engine.Scenarios;

/// <summary>
/// The ids declared so far for one kind of thing (instruments, venues, participants): catches duplicates and
/// judges references. Once some declaration could not be read the registry is incomplete and stops calling
/// references unknown, since the unreadable one may be the very one they mean.
/// </summary>
internal sealed class IdRegistry(string kind)
{
    private readonly Dictionary<string, string> _declaredAt = new(StringComparer.Ordinal);
    private bool _complete = true;

    /// <summary>Declares <paramref name="id"/> at <paramref name="path"/>; returns where it was declared before, if it was.</summary>
    public string? Declare(string id, string path)
    {
        if (_declaredAt.TryGetValue(id, out var earlier))
        {
            return earlier;
        }

        _declaredAt.Add(id, path);
        return null;
    }

    public void MarkIncomplete() => _complete = false;

    /// <summary>What is wrong with a reference to <paramref name="id"/>, or null if nothing is (or it cannot be judged).</summary>
    public string? ProblemWith(string id)
    {
        if (!_complete || _declaredAt.ContainsKey(id))
        {
            return null;
        }

        return Spelling.Closest(id, _declaredAt.Keys) is { } closest
            ? $"unknown {kind} '{id}'; did you mean '{closest}'?"
            : $"unknown {kind} '{id}'; known: {string.Join(", ", _declaredAt.Keys)}";
    }
}
