using MarketSim.Client.Cli;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Client.Runs;

/// <summary>A scenario file as read from disk, which can be loaded with different overrides.</summary>
public sealed record ScenarioFile(string Path, string Text)
{
    /// <summary>Reads the file; a missing, unreadable one or a folder is bad input.</summary>
    public static ScenarioFile Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException([$"{path}: is a folder, not a scenario file"]);
        }

        if (!File.Exists(path))
        {
            throw new InputException([$"{path}: file not found"]);
        }

        try
        {
            return new ScenarioFile(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException([$"{path}: cannot be read: {e.Message}"]);
        }
    }

    /// <summary>The scenario with <paramref name="overrides"/> applied; every problem is bad input.</summary>
    public Scenario Load(IReadOnlyList<string> overrides)
    {
        var result = ScenarioReader.Read(Text, Path, overrides);
        return result.Ok ? result.Scenario : throw new InputException(Problems(result));
    }

    /// <summary>The scenario with <paramref name="overrides"/> applied, or its problems as lines for the user.</summary>
    public (Scenario? Scenario, IReadOnlyList<string> Problems) TryLoad(IReadOnlyList<string> overrides)
    {
        var result = ScenarioReader.Read(Text, Path, overrides);
        return (result.Scenario, Problems(result));
    }

    private string[] Problems(ScenarioReadResult result) => [.. result.Problems.Select(problem => $"{Path}: {problem}")];
}
