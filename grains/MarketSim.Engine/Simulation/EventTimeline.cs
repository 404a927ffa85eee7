using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Randomness;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Simulation;

/// <summary>
/// The scenario's event timeline as a pure function of the tick: the sentiment retail feels and the
/// exogenous flows that arrive. Every host computes the same values, so events never need sending.
/// </summary>
public sealed class EventTimeline
{
    private readonly TimelineSpec _spec;
    private readonly Dictionary<string, long> _owners;
    private readonly long _seed;

    /// <summary>The noise path so far, s(0) … s(n − 1): derived from the seed alone, so a cache, not state.</summary>
    private readonly List<double> _noise = [];

    public EventTimeline(MarketLayout layout)
    {
        _spec = layout.Scenario.Events;
        _owners = layout.InstitutionIds();
        _seed = layout.Scenario.Seed;
    }

    /// <summary>The shift in retail buy probability at <paramref name="tick"/>.</summary>
    public double Sentiment(long tick)
    {
        var sentiment = 0.0;
        foreach (var shock in _spec.SentimentShocks)
        {
            if (tick >= shock.Tick)
            {
                sentiment += shock.Shift * Math.Pow(0.5, (tick - shock.Tick) / shock.HalfLife);
            }
        }

        if (_spec.CutProbability is { Path.Count: > 0 } cut)
        {
            sentiment += cut.Sensitivity * (CutProbability(cut.Path, tick) - cut.Path[0].Probability);
        }

        return sentiment + Noise(tick);
    }

    /// <summary>The AR(1) sentiment noise at <paramref name="tick"/>; 0 without <see cref="TimelineSpec.Noise"/>.</summary>
    public double Noise(long tick)
    {
        if (_spec.Noise is not { } noise || tick < 0)
        {
            return 0;
        }

        while (_noise.Count <= tick)
        {
            var previous = _noise.Count == 0 ? 0 : _noise[^1];
            var shock = new CounterRng(_seed, 0, _noise.Count, RandomStream.Sentiment).NextGaussian();
            _noise.Add((noise.Persistence * previous) + (noise.Volatility * shock));
        }

        return _noise[(int)tick];
    }

    /// <summary>The market-implied cut probability at <paramref name="tick"/>, linear between the path's points.</summary>
    public static double CutProbability(IReadOnlyList<ProbabilityPoint> path, long tick)
    {
        if (tick <= path[0].Tick)
        {
            return path[0].Probability;
        }

        for (var i = 1; i < path.Count; i++)
        {
            if (tick <= path[i].Tick)
            {
                var (a, b) = (path[i - 1], path[i]);
                return a.Probability + ((b.Probability - a.Probability) * (tick - a.Tick) / (b.Tick - a.Tick));
            }
        }

        return path[^1].Probability;
    }

    /// <summary>The exogenous flows arriving at <paramref name="tick"/>, in scenario order.</summary>
    public IReadOnlyList<ExogenousFlow> FlowsAt(long tick)
    {
        List<ExogenousFlow>? flows = null;
        foreach (var flow in _spec.Flows)
        {
            var since = tick - flow.StartTick;
            if (since >= 0 && since % flow.EveryTicks == 0 && since / flow.EveryTicks < flow.Count)
            {
                (flows ??= []).Add(new ExogenousFlow(_owners[flow.Participant], Money.FromCurrency(flow.Amount)));
            }
        }

        return flows ?? (IReadOnlyList<ExogenousFlow>)[];
    }
}
