using MarketSim.Abstractions.Serialization;
using MarketSim.Abstractions.Snapshots;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace MarketSim.Bench;

/// <summary>
/// What the grain host serializes per tick for the phase messages of a run on the direct
/// engine when its calls cross silos: each message as Orleans' serializer (with MarketSim's codecs)
/// writes it, times the grain calls that carry it — every node and participant of the fan-out tree
/// for the snapshot changes and the round outcomes, one call per venue for its report. A local call
/// shares these messages instead (see <c>SharingCopier</c>). Participants' own close reports are counted at the size of the merged one: an upper bound.
/// The order and fill batches travelling participant ↔ venue are not counted; the trace rows going
/// up to the client are.
/// </summary>
internal sealed class MessageSizes(IMarketFabric inner, MarketLayout layout) : IMarketFabric
{
    private const int Fanout = 16;

    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(s => s.AddMarketSimSerialization())
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private readonly int _calls = TreeCalls(layout.Participants.Count);
    private readonly Dictionary<string, long> _bytes = [];
    private MarketSnapshot? _sent;

    /// <summary>The decide phase sends each snapshot as its change from the one before, as <c>GrainMarketFabric</c> does.</summary>
    public async ValueTask DecideAsync(MarketSnapshot snapshot, CancellationToken cancellationToken)
    {
        Count("snapshot changes", SnapshotChange.Between(_sent, snapshot), _calls);
        _sent = snapshot;
        await inner.DecideAsync(snapshot, cancellationToken);
    }

    public async ValueTask<RoundOutcome> ClearAsync(long tick, int round, bool final, long[] marks, CancellationToken cancellationToken)
    {
        var outcome = await inner.ClearAsync(tick, round, final, marks, cancellationToken);
        Count("round outcomes", outcome, _calls);
        return outcome;
    }

    public ValueTask<int> SettleAsync(long tick, RoundOutcome outcome, CancellationToken cancellationToken) =>
        inner.SettleAsync(tick, outcome, cancellationToken);

    public async ValueTask<IReadOnlyList<VenueTickReport>> CloseVenuesAsync(long tick, CancellationToken cancellationToken)
    {
        var reports = await inner.CloseVenuesAsync(tick, cancellationToken);
        foreach (var report in reports)
        {
            Count("venue reports", report, 1);
        }

        return reports;
    }

    public async ValueTask<ParticipantCloseReport> CloseParticipantsAsync(long tick, CancellationToken cancellationToken)
    {
        var report = await inner.CloseParticipantsAsync(tick, cancellationToken);
        Count("close reports (bound)", report, _calls);
        return report;
    }

    public ValueTask<Ledger> HoldingsAsync(CancellationToken cancellationToken) => inner.HoldingsAsync(cancellationToken);

    /// <summary>A tick's rows, as the coordinator sends them up to the client in a <c>TickBatch</c>.</summary>
    public void CountRows(TickRecord record) => Count("trace rows", record, 1);

    /// <summary>One line: kilobytes per tick by message, and the size of one snapshot.</summary>
    public string PerTick(int ticks) =>
        string.Join("  ", _bytes.Select(b => $"{b.Key} {b.Value / 1024.0 / ticks:N0} KiB")) + $"  over {_calls} grain calls per phase";

    private void Count<T>(string message, T value, int calls) =>
        _bytes[message] = _bytes.GetValueOrDefault(message) + ((long)_serializer.SerializeToArray(value).Length * calls);

    /// <summary>Grain calls one phase makes down the tree over <paramref name="endpoints"/> (as <c>ParticipantGroupGrain.Plan</c> splits it).</summary>
    private static int TreeCalls(int endpoints)
    {
        if (endpoints <= Fanout)
        {
            return 1 + endpoints;
        }

        var span = (endpoints + Fanout - 1) / Fanout;
        var calls = 1;
        for (var start = 0; start < endpoints; start += span)
        {
            calls += TreeCalls(Math.Min(span, endpoints - start));
        }

        return calls;
    }
}
