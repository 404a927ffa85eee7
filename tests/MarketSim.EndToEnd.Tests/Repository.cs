namespace MarketSim.EndToEnd.Tests;

/// <summary>The checkout these tests run from, and the build configuration they were built in.</summary>
internal static class Repository
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>Release or Debug, read off this assembly's …/bin/&lt;Configuration&gt;/&lt;tfm&gt;/ folder; the client and silo are built alike.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The main assembly of a project built next to this one, e.g. <c>client/…/marketsim.dll</c>.</summary>
    public static string BuiltAssembly(string project, string assembly)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"build {project} first", path);
    }
}
