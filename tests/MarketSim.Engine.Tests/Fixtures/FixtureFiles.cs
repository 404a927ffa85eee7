namespace MarketSim.Engine.Tests;

/// <summary>The test project's own scenario files (<c>Fixtures/*.yaml</c>, copied to the output folder).</summary>
internal static class FixtureFiles
{
    /// <summary>The path of the fixture <paramref name="file"/>, e.g. <c>fields-left-out.yaml</c>.</summary>
    public static string Scenario(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
}
