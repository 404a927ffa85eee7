namespace MarketSim.Engine.Tests;

/// <summary>The repository's <c>scenarios/</c> folder, found by walking up from the test assembly.</summary>
internal static class ScenarioFolder
{
    public static string Path { get; } = Find();

    public static string File(string name) => System.IO.Path.Combine(Path, name);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var scenarios = System.IO.Path.Combine(folder.FullName, "scenarios");
            if (Directory.Exists(scenarios))
            {
                return scenarios;
            }
        }

        throw new DirectoryNotFoundException($"No scenarios folder above {AppContext.BaseDirectory}");
    }
}
