using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Sweeps;

public sealed class SweepPlanTests
{
    private static SweepGrid Grid(params string[] sets) => new([.. sets.Select(set => SweepAxis.Parse(set, out _)!)]);

    [Fact]
    public void The_grid_is_the_cartesian_product_with_the_last_axis_fastest()
    {
        var grid = Grid("a=1,2", "b=x,y,z");

        Assert.Equal(6, grid.Count);
        Assert.Equal(["a=1", "b=x"], grid.OverridesAt(0));
        Assert.Equal(["a=1", "b=z"], grid.OverridesAt(2));
        Assert.Equal(["2", "x"], grid.ValuesAt(3));
        Assert.True(grid.Axes[0].IsNumeric);
        Assert.False(grid.Axes[1].IsNumeric);
    }

    [Theory]
    [InlineData("nothing", "must look like path=value")]
    [InlineData("=1,2", "must look like path=value")]
    [InlineData("a=1,,2", "a value is empty")]
    [InlineData("a=1,2,1", "'1' is listed twice")]
    public void Malformed_sets_are_problems(string text, string expected)
    {
        Assert.Null(SweepAxis.Parse(text, out var problem));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_path_set_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Grid("a=1", "a=2"));
    }

    [Fact]
    public void Seeds_follow_the_documented_formula()
    {
        // The formula of SweepSeeds written out again with nothing shared, as a reader of the docs would.
        static ulong Step(ulong z)
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        var expected = (long)(Step(Step(Step(42) ^ 3) ^ 1) & 0x7FFF_FFFF_FFFF_FFFFUL);

        Assert.Equal(expected, SweepSeeds.Of(42, point: 3, replica: 1));
        Assert.NotEqual(SweepSeeds.Of(42, 0, 1), SweepSeeds.Of(42, 1, 0));
    }

    [Fact]
    public void Runs_are_named_and_seeded_point_by_point()
    {
        var plan = new SweepPlan("quickstart", "name: quickstart", ["ticks=30"], 42, Grid("a=1,2,3,4,5,6,7,8,9,10,11"), 2, TraceFormat.Parquet);

        Assert.Equal(22, plan.Runs.Count);
        Assert.Equal("p00-r0", plan.Runs[0].Name);
        Assert.Equal("runs/p10-r1", plan.Runs[^1].Folder);
        Assert.Equal(["a=11"], plan.Runs[^1].Overrides);
        Assert.Equal(SweepSeeds.Of(42, 10, 1), plan.Runs[^1].Seed);
        Assert.Equal(22, plan.Runs.Select(run => run.Seed).Distinct().Count());
    }

    [Fact]
    public void The_id_is_stable_and_changes_with_anything_that_changes_a_trace()
    {
        SweepPlan Plan(string text = "name: q", string ticks = "ticks=30", string set = "a=1,2", int replicas = 2, TraceFormat format = TraceFormat.Parquet) =>
            new("q", text, [ticks], 1, Grid(set), replicas, format);

        var id = Plan().Id;

        Assert.Matches("^q-[0-9a-f]{8}$", id);
        Assert.Equal(id, Plan().Id);
        Assert.NotEqual(id, Plan(text: "name: q\n").Id);
        Assert.NotEqual(id, Plan(ticks: "ticks=31").Id);
        Assert.NotEqual(id, Plan(set: "a=1,3").Id);
        Assert.NotEqual(id, Plan(replicas: 3).Id);
        Assert.NotEqual(id, Plan(format: TraceFormat.Csv).Id);
    }
}
