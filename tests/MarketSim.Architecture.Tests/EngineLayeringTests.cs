using MarketSim.Engine.Contracts;

namespace MarketSim.Architecture.Tests;

public sealed class EngineLayeringTests
{
    private static readonly System.Reflection.Assembly Engine = typeof(MarketLayout).Assembly;

    [Fact]
    public void No_engine_namespace_depends_on_one_in_its_own_layer_or_above() =>
        Assert.Empty(EngineLayers.Rule.Violations(Engine));

    [Fact]
    public void Every_engine_namespace_has_a_layer() =>
        Assert.Empty(EngineLayers.Rule.Unplaced(Engine));

    [Fact]
    public void The_engine_uses_neither_orleans_nor_the_console() =>
        Assert.Empty(ForbiddenDependencies.Of(Engine, "MarketSim.Engine", EngineLayers.Forbidden));

    [Fact]
    public void Only_the_scenario_reader_uses_yaml() =>
        Assert.Empty(ForbiddenDependencies.Of(Engine, "MarketSim.Engine", ["YamlDotNet"], EngineLayers.YamlReader));

    [Fact]
    public void The_yaml_rule_sees_the_scenario_reader()
    {
        // Guards the rule above against passing because it looks at nothing.
        Assert.NotEmpty(ForbiddenDependencies.Of(Engine, EngineLayers.YamlReader, ["YamlDotNet"]));
    }
}
