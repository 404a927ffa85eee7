using System.Text.Json;

namespace MarketSim.EndToEnd.Tests;

/// <summary>A quickstart run through the real console, in a folder of its own, read back through its manifest.</summary>
internal static class QuickstartRun
{
    public static async Task<JsonElement> ManifestAsync(TempDirectory output, params string[] args)
    {
        var folder = Directory.CreateDirectory(Path.Combine(output.Path, Guid.NewGuid().ToString("N"))).FullName;
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", folder, .. args]);
        Assert.True(exit == 0, stdout + stderr);
        var run = Assert.Single(Directory.GetDirectories(folder));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        return manifest.RootElement.Clone();
    }
}
