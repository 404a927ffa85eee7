using FsCheck.Xunit;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Scenarios;

/// <summary>
/// Property-based fuzzing of the scenario reader (issue 13): 2,500 random mutations of the library
/// scenarios per test run. Each either reads cleanly into a scenario, or gives problems that each name
/// a field and say what is wrong, at least one with a line (or, for a document that is empty or not a
/// mapping, naming the file); no exception ever escapes the reader.
/// </summary>
public sealed class ScenarioReaderFuzzTests
{
    [Property(MaxTest = 2500, Arbitrary = [typeof(ScenarioMutations)], QuietOnSuccess = true)]
    public void A_mutated_library_scenario_reads_cleanly_or_names_its_problems(MutatedScenario mutated)
    {
        // An exception here fails the property with the mutation that caused it.
        var result = ScenarioReader.Read(mutated.Text, mutated.Source, []);

        if (result.Ok)
        {
            Assert.NotNull(result.Scenario);
            Assert.Empty(result.Problems);
            Assert.Null(ScenarioName.ProblemWith(result.Scenario.Name));
            Assert.InRange(result.Scenario.Ticks, 1, ScenarioLimits.MaxTicks);
            return;
        }

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, problem =>
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.Path), $"a problem without a field: {problem}");
            Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"a problem without a message: {problem}");
        });

        // A problem points at a line, unless it is about the document as a whole (empty, not a mapping): then it names the file.
        Assert.True(
            result.Problems.Any(problem => problem.Line is > 0) || result.Problems.All(problem => problem.Path == mutated.Source),
            $"no problem points at a line: {string.Join("; ", result.Problems)}");
    }
}
