using System.Diagnostics.CodeAnalysis;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// The outcome of reading a scenario: the scenario when it is valid, otherwise every problem found, in file order.
/// </summary>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>Whether the scenario is valid; when true <see cref="Scenario"/> is set and there are no problems.</summary>
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Ok => Scenario is not null;
}
