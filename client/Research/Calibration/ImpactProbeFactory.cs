using MarketSim.Client.Cli;
using MarketSim.Engine.Calibration;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Client.Research.Calibration;

/// <summary>
/// Builds the <see cref="ImpactProbe"/> the options describe for a scenario, filling in defaults
/// (the first ETF's investors, its underlying's book, one day in, over a day, measured a day later)
/// and rejecting, as bad input naming the option, what the scenario cannot do.
/// </summary>
internal static class ImpactProbeFactory
{
    public static ImpactProbe Create(Scenario scenario, ImpactArguments options)
    {
        var problems = new List<string>();
        var etf = options.Participant is null ? scenario.Etfs.FirstOrDefault() : scenario.Etfs.FirstOrDefault(e => e.Id == options.Participant);
        var participant = options.Participant ?? etf?.Id;
        if (participant is null)
        {
            problems.Add("--participant: the scenario has no ETF, so name the participant that receives the flow");
        }
        else if (!scenario.FlowTakers().Contains(participant))
        {
            problems.Add($"--participant: '{participant}' is not a participant that trades on flows (an ETF, allocator, fund, value fund, CTA, leveraged ETF or market maker of the scenario)");
        }

        var (venue, instrument) = (etf?.UnderlyingVenue ?? scenario.Venues[0].Id, etf?.Underlying ?? scenario.Venues[0].Instruments[0]);
        if (options.Book is { } book)
        {
            if (book.Split('/') is [var v, var i] && scenario.Venues.Any(x => x.Id == v && x.Instruments.Contains(i)))
            {
                (venue, instrument) = (v, i);
            }
            else
            {
                problems.Add($"--book: '{book}' is not venue/instrument of a book in the scenario ({string.Join(", ", scenario.Venues.SelectMany(x => x.Instruments.Select(i => $"{x.Id}/{i}")))})");
            }
        }

        var day = scenario.TicksPerDay;
        var probe = new ImpactProbe(participant ?? "", options.Flow, options.At ?? day, options.Over ?? day, options.Horizon ?? day, venue, instrument);
        if (probe.MeasuredAt >= int.MaxValue)
        {
            problems.Add("--at: the flow and horizon end beyond the longest run");
        }

        return problems.Count == 0 ? probe : throw new InputException(problems);
    }
}
