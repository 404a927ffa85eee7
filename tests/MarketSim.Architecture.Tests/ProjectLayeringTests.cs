using MarketSim.Testing;

namespace MarketSim.Architecture.Tests;

public sealed class ProjectLayeringTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void Every_project_has_a_layer() =>
        Assert.Equal(ProjectLayers.ProjectsUnder(Root), ProjectLayers.Layers.SelectMany(l => l).Order(StringComparer.Ordinal));

    [Fact]
    public void No_project_references_one_in_its_own_layer_or_above()
    {
        var references = ProjectLayers.ProjectsUnder(Root).SelectMany(p => ProjectLayers.ReferencesOf(Root, p).Select(r => (p, r))).ToList();

        Assert.NotEmpty(references);
        Assert.Empty(ProjectLayers.Violations(ProjectLayers.Layers, references));
    }

    [Fact]
    public void The_engine_project_references_no_host_and_no_console_package()
    {
        var packages = ProjectLayers.PackagesOf(Root, "grains/MarketSim.Engine/MarketSim.Engine.csproj");

        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, p => ProjectLayers.ForbiddenInEngine.Any(f => p.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_reference_up_or_across_a_layer_or_to_an_unplaced_project_is_reported()
    {
        string[][] layers = [["engine"], ["grains"], ["silo", "client"]];

        Assert.Equal(
            ["engine → grains", "silo → client", "client → tool"],
            ProjectLayers.Violations(layers, [("engine", "grains"), ("grains", "engine"), ("silo", "client"), ("client", "grains"), ("client", "tool")]));
    }
}
