using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Calibration;

/// <summary>
/// One price-impact experiment: <see cref="Amount"/> of exogenous net flow given to
/// <see cref="Participant"/> in equal parts over <see cref="Over"/> ticks from <see cref="At"/>, and
/// the close of one book <see cref="Horizon"/> ticks after the flow ends, against the same scenario
/// and seed without the flow. Everything else — every draw, every other participant — is the same in
/// both runs, so the difference is what the flow did to that market, feedback included.
/// </summary>
public sealed record ImpactProbe(string Participant, double Amount, long At, int Over, int Horizon, string Venue, string Instrument)
{
    /// <summary>The last tick the runs need: the measurement tick.</summary>
    public long MeasuredAt => At + Over + Horizon - 1;

    /// <summary>The last tick of the flow.</summary>
    public long FlowEndsAt => At + Over - 1;

    /// <summary>The scenario cut to end at the measurement tick: the baseline run.</summary>
    public Scenario Baseline(Scenario scenario) => scenario with { Ticks = checked((int)(MeasuredAt + 1)) };

    /// <summary>The baseline with the flow added to its event timeline.</summary>
    public Scenario WithFlow(Scenario scenario)
    {
        var flow = new FlowSpec(Participant, At, 1, Over, Amount / Over);
        return Baseline(scenario) with { Events = scenario.Events with { Flows = [.. scenario.Events.Flows, flow] } };
    }

    /// <summary>The probed book's close at every tick of a run, in tick order.</summary>
    public double[] Closes(IEnumerable<TickRecord> records) =>
        [.. records.SelectMany(r => r.Market).Where(row => row.Venue == Venue && row.Instrument == Instrument).OrderBy(row => row.Tick).Select(row => row.Close)];

    /// <summary>What the flow did, from the probed book's closes in the baseline and the flow run.</summary>
    public ImpactMeasurement Measure(IReadOnlyList<double> baseline, IReadOnlyList<double> withFlow)
    {
        if (baseline.Count <= MeasuredAt || withFlow.Count <= MeasuredAt)
        {
            throw new ArgumentException($"both runs must reach tick {MeasuredAt}; they reached {baseline.Count - 1} and {withFlow.Count - 1}");
        }

        double Move(long tick) => (withFlow[(int)tick] / baseline[(int)tick]) - 1;
        var largest = 0.0;
        for (var tick = At; tick <= MeasuredAt; tick++)
        {
            var move = Move(tick);
            largest = Math.Abs(move) > Math.Abs(largest) ? move : largest;
        }

        return new ImpactMeasurement(Move(FlowEndsAt), Move(MeasuredAt), largest);
    }
}
