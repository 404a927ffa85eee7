namespace MarketSim.Testing;

/// <summary>The checkout a test assembly runs from: the first folder above it that holds <c>MarketSim.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

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
