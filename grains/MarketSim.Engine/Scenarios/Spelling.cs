namespace MarketSim.Engine.Scenarios;

/// <summary>Suggestions for misspelt names, so a typo gets "did you mean" rather than a bare rejection.</summary>
internal static class Spelling
{
    private const int MaxEdits = 2;

    /// <summary>The candidate nearest to <paramref name="name"/>, if it is at most two edits away (ignoring case).</summary>
    public static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (Candidate: candidate, Edits: EditDistance(name, candidate)))
            .Where(match => match.Edits <= MaxEdits)
            .OrderBy(match => match.Edits)
            .ThenBy(match => match.Candidate, StringComparer.Ordinal)
            .Select(match => match.Candidate)
            .FirstOrDefault();

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions or substitutions.</summary>
    public static int EditDistance(string a, string b)
    {
        // Two rows of the classic table: distances from a[..i] to each prefix of b.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
