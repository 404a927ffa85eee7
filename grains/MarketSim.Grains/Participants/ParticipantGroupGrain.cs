using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Abstractions.Snapshots;
using MarketSim.Engine.Contracts;

namespace MarketSim.Grains.Participants;

/// <summary>
/// A node of the participant fan-out tree: relays each phase to at most <see cref="Fanout"/>
/// children — participants, or subgroups when the range is wider — and adds up their integer
/// results, whose sum does not depend on the order they arrive in. Checkpoints and restores travel
/// down the same tree.
/// </summary>
public sealed class ParticipantGroupGrain : Grain, IParticipantGroupGrain
{
    public const int Fanout = 16;

    private Child[] _children = [];
    private int _instruments;

    private IEnumerable<IParticipantPhases> Children => _children.Length > 0
        ? _children.Select(c => c.Phases)
        : throw new RunStateLostException($"participant group {this.GetPrimaryKeyString()}");

    public async Task Initialize(RunSetup setup, int first, int count)
    {
        if (_children.Length > 0)
        {
            return;
        }

        var children = Plan(setup, first, count);
        await Task.WhenAll(children.Select(c => c.Participant?.Initialize(setup, c.First) ?? c.Group!.Initialize(setup, c.First, c.Count)));
        _children = children;
    }

    public Task Decide(SnapshotChange change) => Task.WhenAll(Children.Select(c => c.Decide(change)));

    public async Task<int> Settle(long tick, RoundOutcome outcome) =>
        (await Task.WhenAll(Children.Select(c => c.Settle(tick, outcome)))).Sum();

    public async Task<ParticipantCloseReport> CloseTick(long tick) =>
        ParticipantCloseReport.Sum(_instruments, await Task.WhenAll(Children.Select(c => c.CloseTick(tick))));

    public async Task<Ledger> Holdings() =>
        Ledger.Sum(_instruments, await Task.WhenAll(Children.Select(c => c.Holdings())));

    public Task ClearCheckpoints() => Task.WhenAll(Children.Select(c => c.ClearCheckpoints()));

    public Task SaveCheckpoint(long tick, long keep) => Task.WhenAll(Children.Select(c => c.SaveCheckpoint(tick, keep)));

    public async Task RestoreCheckpoint(RunSetup setup, int first, int count, long tick)
    {
        var children = _children.Length > 0 ? _children : Plan(setup, first, count);
        await Task.WhenAll(children.Select(c => c.Participant?.RestoreCheckpoint(setup, c.First, tick) ?? c.Group!.RestoreCheckpoint(setup, c.First, c.Count, tick)));
        _children = children;
    }

    /// <summary>The children of the node covering [first, first + count): participants when they fit, else subgroups.</summary>
    private Child[] Plan(RunSetup setup, int first, int count)
    {
        _instruments = setup.Scenario.Instruments.Count;
        if (count <= Fanout)
        {
            var layout = new MarketLayout(setup.Scenario, setup.CohortSize);
            return Enumerable.Range(first, count).Select(endpoint =>
            {
                var slot = layout.Participants[endpoint];
                IParticipantGrain participant = slot.IsCohort
                    ? GrainFactory.GetGrain<IRetailCohortGrain>(setup.ParticipantKey(slot.Endpoint))
                    : GrainFactory.GetGrain<IInstitutionGrain>(setup.ParticipantKey(slot.Endpoint));
                return new Child(participant, null, endpoint, 1);
            }).ToArray();
        }

        var span = (count + Fanout - 1) / Fanout;
        var groups = new List<Child>();
        for (var start = first; start < first + count; start += span)
        {
            var size = Math.Min(span, first + count - start);
            groups.Add(new Child(null, GrainFactory.GetGrain<IParticipantGroupGrain>(setup.GroupKey(start, size)), start, size));
        }

        return [.. groups];
    }

    /// <summary>A participant (one endpoint) or a subgroup (a range of endpoints).</summary>
    private sealed record Child(IParticipantGrain? Participant, IParticipantGroupGrain? Group, int First, int Count)
    {
        public IParticipantPhases Phases => (IParticipantPhases?)Participant ?? Group!;
    }
}
