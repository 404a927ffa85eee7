using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;

namespace MarketSim.Grains.Tests;

/// <summary>
/// A client that stops (Ctrl-C, SIGTERM) cancels its run grain, so the coordinator does not go on
/// running ticks or keeping checkpoints for a caller that has gone (issue 13).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunCancellationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_cancelled_run_runs_no_further_tick()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 3, ticks: 100);
        var run = fixture.Client.GetGrain<IRunGrain>($"cancel-{Guid.NewGuid():N}");
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), scenario, 200));
        var before = await run.Advance(5);

        await run.Cancel();

        // The cancelled activation answers with no ticks, or has already gone and knows no run: either way nothing ran.
        var after = await Record.ExceptionAsync(async () =>
        {
            var batch = await run.Advance(10);
            Assert.Empty(batch.Records);
            Assert.False(batch.Finished);
        });
        Assert.True(after is null or RunStateLostException, after?.ToString());
        Assert.Equal([0L, 1, 2, 3, 4], before.Records.Select(r => r.Tick));
    }

    [Fact]
    public async Task Cancelling_twice_or_before_any_tick_is_harmless()
    {
        var run = fixture.Client.GetGrain<IRunGrain>($"cancel-{Guid.NewGuid():N}");
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), TestScenarios.SmallQuickstart(seed: 4, ticks: 20), 200));

        await run.Cancel();
        await run.Cancel();

        var after = await Record.ExceptionAsync(async () => Assert.Empty((await run.Advance(10)).Records));
        Assert.True(after is null or RunStateLostException, after?.ToString());
    }
}
