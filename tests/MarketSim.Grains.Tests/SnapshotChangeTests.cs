using MarketSim.Abstractions.Serialization;
using MarketSim.Abstractions.Snapshots;
using MarketSim.Engine.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace MarketSim.Grains.Tests;

/// <summary>
/// The snapshot changes the decide phase sends down the fan-out tree, on the snapshots of a real run (small
/// quick start, direct engine): through the wire each rebuilds the coordinator's snapshot exactly from the
/// one before, the close history travels once, and a change never applies to a snapshot it was not made against.
/// </summary>
public sealed class SnapshotChangeTests
{
    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(s => s.AddMarketSimSerialization())
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public async Task Snapshot_changes_rebuild_every_snapshot_from_the_one_before_and_carry_the_close_history_only_once()
    {
        var snapshots = (await CapturedRun.Messages(ticks: 40)).OfType<MarketSnapshot>().ToList();
        Assert.Contains(snapshots, s => s.MarginAccounts.Count > 0);

        MarketSnapshot? previous = null, rebuilt = null;
        foreach (var snapshot in snapshots)
        {
            var change = _serializer.Deserialize<SnapshotChange>(_serializer.SerializeToArray(SnapshotChange.Between(previous, snapshot)));
            rebuilt = change!.ApplyTo(rebuilt);

            Assert.Equal(CapturedRun.Canonical(snapshot, typeof(MarketSnapshot)), CapturedRun.Canonical(rebuilt, typeof(MarketSnapshot)));
            Assert.Equal(previous is null, change.Books.Any(b => b.Closes is not null));
            previous = snapshot;
        }
    }

    [Fact]
    public async Task A_snapshot_change_refuses_a_snapshot_it_was_not_made_against()
    {
        var snapshots = (await CapturedRun.Messages(ticks: 3)).OfType<MarketSnapshot>().ToList();
        var change = SnapshotChange.Between(snapshots[1], snapshots[2]);

        Assert.Throws<InvalidOperationException>(() => change.ApplyTo(snapshots[0]));
        Assert.Throws<InvalidOperationException>(() => change.ApplyTo(null));
        Assert.True(SnapshotChange.Between(null, snapshots[2]).StandsAlone);
    }
}
