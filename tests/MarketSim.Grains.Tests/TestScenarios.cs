using MarketSim.Engine.Scenarios;

namespace MarketSim.Grains.Tests;

/// <summary>The repository's scenarios, shrunk by overrides to test size.</summary>
internal static class TestScenarios
{
    /// <summary>Quickstart with 4,000 agents in 20 cohorts: enough endpoints to need the fan-out tree.</summary>
    public static Scenario SmallQuickstart(long seed = 42, int ticks = 60) => Load(
        "quickstart.yaml", $"seed={seed}", $"ticks={ticks}", "retail.count=4000", "retail.cohortSize=200");

    public static Scenario Load(string file, params string[] overrides)
    {
        var path = RepositoryRoot.Scenario(file);
        var result = ScenarioReader.Read(File.ReadAllText(path), path, overrides);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Scenario!;
    }
}
