using System.Text.Json;
using System.Text.Json.Serialization;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;

namespace MarketSim.Grains.Tests;

/// <summary>A small quick start on the direct engine with every message its phases hand across a grain call kept, in order.</summary>
internal static class CapturedRun
{
    /// <summary>Named literals allowed: a group that holds nothing has a NaN mean cost.</summary>
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Every public property, nested ones too, as text: two messages with equal text carry the same values.</summary>
    public static string Canonical(object? value, Type type) => JsonSerializer.Serialize(value, type, Json);

    /// <summary>Every message the phases of <paramref name="ticks"/> ticks hand across a grain call, in order.</summary>
    public static async Task<List<object>> Messages(int ticks)
    {
        var layout = new MarketLayout(TestScenarios.SmallQuickstart(ticks: ticks), 200);
        var capture = new CapturingFabric(new DirectMarket(layout));
        var cycle = new TickCycle(layout, capture);
        while (cycle.NextTick < ticks)
        {
            await cycle.RunTickAsync();
        }

        return capture.Messages;
    }

    private sealed class CapturingFabric(IMarketFabric inner) : IMarketFabric
    {
        public List<object> Messages { get; } = [];

        public ValueTask DecideAsync(MarketSnapshot snapshot, CancellationToken cancellationToken)
        {
            Messages.Add(snapshot);
            return inner.DecideAsync(snapshot, cancellationToken);
        }

        public async ValueTask<RoundOutcome> ClearAsync(long tick, int round, bool final, long[] marks, CancellationToken cancellationToken)
        {
            var outcome = Keep(await inner.ClearAsync(tick, round, final, marks, cancellationToken));

            // The direct host merges its venues' clear reports itself; one venue's report of the same round is the merge's parts.
            Messages.Add(new ClearReport(0, outcome.Books, outcome.LiquidationsQueued, outcome.OrdersProcessed));
            return outcome;
        }

        public ValueTask<int> SettleAsync(long tick, RoundOutcome outcome, CancellationToken cancellationToken) =>
            inner.SettleAsync(tick, outcome, cancellationToken);

        public async ValueTask<IReadOnlyList<VenueTickReport>> CloseVenuesAsync(long tick, CancellationToken cancellationToken)
        {
            var reports = await inner.CloseVenuesAsync(tick, cancellationToken);
            Messages.AddRange(reports);
            return reports;
        }

        public async ValueTask<ParticipantCloseReport> CloseParticipantsAsync(long tick, CancellationToken cancellationToken) =>
            Keep(await inner.CloseParticipantsAsync(tick, cancellationToken));

        public async ValueTask<Ledger> HoldingsAsync(CancellationToken cancellationToken) =>
            Keep(await inner.HoldingsAsync(cancellationToken));

        private T Keep<T>(T message)
            where T : notnull
        {
            Messages.Add(message);
            return message;
        }
    }
}
