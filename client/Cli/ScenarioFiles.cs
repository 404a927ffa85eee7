using MarketSim.Engine.Scenarios;

namespace MarketSim.Client.Cli;

/// <summary>Loads a scenario file for a command; every problem becomes one line of bad input.</summary>
public static class ScenarioFiles
{
    public static Scenario Load(string path, IReadOnlyList<string> overrides)
    {
        if (!File.Exists(path))
        {
            throw new InputException([$"{path}: file not found"]);
        }

        var result = ScenarioReader.Read(File.ReadAllText(path), path, overrides);
        return result.Ok ? result.Scenario : throw new InputException(result.Problems.Select(p => $"{path}: {p}").ToArray());
    }
}
