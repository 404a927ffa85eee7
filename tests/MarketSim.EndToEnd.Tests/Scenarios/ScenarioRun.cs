using System.Text.Json;

namespace MarketSim.EndToEnd.Tests.Scenarios;

/// <summary>
/// One library scenario run once through the real console, exactly as the README says (embedded silo,
/// Parquet; with <see cref="Overrides"/> if a subclass gives any), for a test class to question with DuckDB. Shared by the class's tests as an xunit fixture.
/// </summary>
public abstract class ScenarioRun : IAsyncLifetime
{
    private readonly TempDirectory _output = new();

    protected abstract string ScenarioFile { get; }

    /// <summary>Scenario values to override, as <c>path=value</c>; each is passed as <c>--set</c>. None by default.</summary>
    protected virtual IReadOnlyList<string> Overrides => [];

    public string Folder { get; private set; } = "";

    public JsonElement Summary { get; private set; }

    public string Stdout { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(
            ["run", ScenarioFile, "--out", _output.Path, "--quiet", .. Overrides.SelectMany(o => new[] { "--set", o })]);
        Assert.True(exit == 0, stdout + stderr);
        Stdout = stdout;
        Folder = Assert.Single(Directory.GetDirectories(_output.Path));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "summary.json")));
        Summary = summary.RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        _output.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The SQL name of one of the run's tables, e.g. <c>Table("market")</c>.</summary>
    public string Table(string name) => $"read_parquet('{Path.Combine(Folder, name + ".parquet")}')";

    public double Scalar(string sql) => DuckDbQuery.Scalar(sql);
}
