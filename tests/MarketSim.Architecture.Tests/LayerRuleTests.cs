using MarketSim.Architecture.Tests.Samples.Display;

namespace MarketSim.Architecture.Tests;

/// <summary>The rules themselves, run on sample types built to break them (Samples/), so a rule that checks nothing fails here.</summary>
public sealed class LayerRuleTests
{
    private const string SampleRoot = "MarketSim.Architecture.Tests.Samples";
    private static readonly System.Reflection.Assembly Here = typeof(LayerRuleTests).Assembly;

    [Fact]
    public void A_namespace_that_depends_on_a_higher_layer_is_reported_with_the_offending_type()
    {
        var rule = new NamespaceLayers(SampleRoot, ["Base"], ["Contracts"], ["Simulation"], ["Display"]);

        Assert.Equal(["Contracts → Simulation: " + SampleRoot + ".Contracts.SampleReport"], rule.Violations(Here));
    }

    [Fact]
    public void Dependencies_on_lower_layers_are_allowed()
    {
        // Without the contracts layer the samples only point down: Simulation → Base.
        var rule = new NamespaceLayers(SampleRoot, ["Base"], ["Simulation"], ["Display"]);

        Assert.Empty(rule.Violations(Here));
        Assert.Equal(["Contracts"], rule.Unplaced(Here));
    }

    [Fact]
    public void Namespaces_of_one_layer_may_not_depend_on_each_other()
    {
        var rule = new NamespaceLayers(SampleRoot, ["Base"], ["Contracts", "Simulation"], ["Display"]);

        Assert.Equal(
            ["Contracts → Simulation: " + SampleRoot + ".Contracts.SampleReport", "Simulation → Contracts: " + SampleRoot + ".Simulation.SampleCycle"],
            rule.Violations(Here));
    }

    [Fact]
    public void A_type_that_uses_the_console_breaks_the_engine_rule()
    {
        Assert.Equal([typeof(SampleConsoleReport).FullName!], ForbiddenDependencies.Of(Here, SampleRoot, EngineLayers.Forbidden));
        Assert.Empty(ForbiddenDependencies.Of(Here, SampleRoot, EngineLayers.Forbidden, SampleRoot + ".Display"));
    }
}
