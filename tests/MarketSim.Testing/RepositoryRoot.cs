namespace MarketSim.Testing;

/// <summary>The checkout a test assembly runs from: the first folder above it that holds <c>MarketSim.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The library of scenarios, <c>scenarios/</c>.</summary>
    public static string Scenarios => System.IO.Path.Combine(Path, "scenarios");

    /// <summary>The path of the library scenario <paramref name="file"/>, e.g. <c>quickstart.yaml</c>.</summary>
    public static string Scenario(string file) => System.IO.Path.Combine(Scenarios, file);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MarketSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MarketSim.sln not found above the test assembly");
    }
}
