using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Simulation;

namespace MarketSim.Grains.Participants;

/// <summary>
/// A node of the participant fan-out tree: relays each phase to at most <see cref="Fanout"/>
/// children — participants, or subgroups when the range is wider — and adds up their integer
/// results, whose sum does not depend on the order they arrive in.
/// </summary>
public sealed class ParticipantGroupGrain : Grain, IParticipantGroupGrain
{
    public const int Fanout = 16;

    private IParticipantPhases[] _children = [];
    private int _instruments;

    public async Task Initialize(RunSetup setup, int first, int count)
    {
        if (_children.Length > 0)
        {
            return;
        }

        _instruments = setup.Scenario.Instruments.Count;
        if (count <= Fanout)
        {
            var layout = new MarketLayout(setup.Scenario, setup.CohortSize);
            var participants = new IParticipantGrain[count];
            for (var i = 0; i < count; i++)
            {
                var slot = layout.Participants[first + i];
                participants[i] = slot.IsCohort
                    ? GrainFactory.GetGrain<IRetailCohortGrain>(setup.ParticipantKey(slot.Endpoint))
                    : GrainFactory.GetGrain<IInstitutionGrain>(setup.ParticipantKey(slot.Endpoint));
            }

            await Task.WhenAll(participants.Select((p, i) => p.Initialize(setup, first + i)));
            _children = participants;
            return;
        }

        var span = (count + Fanout - 1) / Fanout;
        var groups = new List<IParticipantGroupGrain>();
        var initializing = new List<Task>();
        for (var start = first; start < first + count; start += span)
        {
            var size = Math.Min(span, first + count - start);
            var group = GrainFactory.GetGrain<IParticipantGroupGrain>(setup.GroupKey(start, size));
            groups.Add(group);
            initializing.Add(group.Initialize(setup, start, size));
        }

        await Task.WhenAll(initializing);
        _children = [.. groups];
    }

    public Task Decide(MarketSnapshot snapshot) => Task.WhenAll(_children.Select(c => c.Decide(snapshot)));

    public async Task<int> Settle(long tick, RoundOutcome outcome) =>
        (await Task.WhenAll(_children.Select(c => c.Settle(tick, outcome)))).Sum();

    public async Task<Ledger> CloseTick(long tick) =>
        Ledger.Sum(_instruments, await Task.WhenAll(_children.Select(c => c.CloseTick(tick))));

    public async Task<Ledger> Holdings() =>
        Ledger.Sum(_instruments, await Task.WhenAll(_children.Select(c => c.Holdings())));
}
