using System.Diagnostics.Metrics;
using MarketSim.Engine.Simulation;

namespace MarketSim.Bench;

/// <summary>
/// Adds up <see cref="TickPhaseMeter"/>'s phase durations while a run is measured, whichever host
/// runs the tick cycle (the embedded silos are in this process), and prints them per tick.
/// </summary>
internal sealed class PhaseBreakdown : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _milliseconds = [];
    private readonly Lock _gate = new();

    public PhaseBreakdown()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TickPhaseMeter.MeterName && instrument.Name == TickPhaseMeter.HistogramName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "phase" && tag.Value is string phase)
                {
                    lock (_gate)
                    {
                        _milliseconds[phase] = _milliseconds.GetValueOrDefault(phase) + value;
                    }
                }
            }
        });
        _listener.Start();
    }

    /// <summary>One line: each phase's milliseconds per tick, in the order the phases first ran.</summary>
    public string PerTick(int ticks)
    {
        lock (_gate)
        {
            var total = _milliseconds.Values.Sum();
            return string.Join("  ", _milliseconds.Select(p => $"{p.Key} {p.Value / ticks:N1}")) + $"  (sum {total / ticks:N1} ms/tick)";
        }
    }

    public void Dispose() => _listener.Dispose();
}
