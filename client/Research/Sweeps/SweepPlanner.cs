using MarketSim.Client.Cli;
using MarketSim.Client.Runs;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Sweeps;

namespace MarketSim.Client.Research.Sweeps;

/// <summary>A sweep plan and the scenario of each grid point, every one of them valid.</summary>
public sealed record PlannedSweep(SweepPlan Plan, IReadOnlyList<Scenario> Points);

/// <summary>
/// Turns <see cref="SweepArguments"/> into a plan, checking all of it before any run starts: the
/// <c>--set</c> syntax, then the scenario at every grid point, so a value that is out of range at one
/// point only is caught up front. Problems are bad input, one line each, like <c>run</c>'s.
/// </summary>
public static class SweepPlanner
{
    private const string SeedPath = "seed";

    public static PlannedSweep Plan(ScenarioFile file, SweepArguments options)
    {
        var problems = new List<string>();
        var axes = new List<SweepAxis>();
        foreach (var set in options.Sets)
        {
            if (SweepAxis.Parse(set, out var problem) is { } axis)
            {
                axes.Add(axis);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        problems.AddRange(axes.CountBy(axis => axis.Path).Where(count => count.Value > 1)
            .Select(count => $"--set: '{count.Key}' is set {count.Value} times; give it once with all its values, e.g. {count.Key}=1,2"));
        if (axes.Any(axis => axis.Path == SeedPath))
        {
            // Every run's seed is derived from the base seed; a swept seed would be silently replaced.
            problems.Add($"--set: '{SeedPath}' cannot be swept: each run's seed is derived from the scenario's; use --replicas for more seeds and --seed for another base");
        }

        Throw(problems);

        var grid = new SweepGrid(axes);
        var points = new Scenario[grid.Count];
        for (var point = 0; point < grid.Count; point++)
        {
            var (scenario, pointProblems) = file.TryLoad([.. options.FixedOverrides, .. grid.OverridesAt(point)]);
            points[point] = scenario!;

            // A bad path or a bad file is wrong at every point: say it once.
            problems.AddRange(pointProblems.Except(problems));
        }

        Throw(problems);

        // The seed is not swept, so every point has the same one: the file's, or --seed.
        var first = points[0];
        return new PlannedSweep(new SweepPlan(first.Name, file.Text, options.FixedOverrides, first.Seed, grid, options.Replicas, options.Settings.Format), points);
    }

    private static void Throw(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }
}
