using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>One hypothetical price path for the projection.</summary>
/// <param name="Name">How the path is called in the output (up, flat, down …).</param>
/// <param name="Move">Total return over the horizon, e.g. +0.05 or −0.05.</param>
public sealed record ProjectionPath(string Name, double Move);

/// <summary>What a CTA book would do along one path: exposure at the start and end (as multiples of capital) and the flow in between.</summary>
public sealed record CtaPathProjection(string Cta, string Path, double StartExposure, double EndExposure, double NetFlow, double LargestSale, double MaxLeverage);

/// <summary>
/// The CTA flows implied by hypothetical price paths, the way sell-side desks project them ("CTAs
/// sell $X under a down path next week"). The history is a log-linear path with the given total
/// return; each path continues from today's price for the horizon. The trend signal is the CTA's own
/// (<see cref="CtaProgramme.TrendSignal"/>) on those prices, sized with the volatility the user gives
/// (<see cref="CtaProgramme.SizedExposure"/>) and applied to capital (P&amp;L along the path is
/// left out, so flows are in today's money).
/// </summary>
public static class CtaProjection
{
    public static IReadOnlyList<CtaPathProjection> Project(
        CtaSpec cta, double initialPrice, double historyReturn, double volatility, int horizon, IReadOnlyList<ProjectionPath> paths)
    {
        var window = cta.Lookbacks.Append(cta.VolatilityLookback).Max() + 1;
        var history = Path(initialPrice / (1 + historyReturn), initialPrice, window);
        var results = new List<CtaPathProjection>();
        foreach (var path in paths)
        {
            var future = Path(initialPrice, initialPrice * (1 + path.Move), horizon + 1)[1..];
            var closes = history.Concat(future).ToArray();
            var exposures = new double[horizon + 1];
            for (var t = 0; t <= horizon; t++)
            {
                exposures[t] = CtaProgramme.SizedExposure(cta, CtaProgramme.TrendSignal(cta, closes.AsSpan(t, window)), volatility);
            }

            var flows = exposures.Zip(exposures.Skip(1), (a, b) => (b - a) * cta.Capital).ToArray();
            results.Add(new CtaPathProjection(
                cta.Id, path.Name, exposures[0], exposures[^1], (exposures[^1] - exposures[0]) * cta.Capital,
                flows.Length > 0 ? Math.Min(0, flows.Min()) : 0, cta.MaxLeverage));
        }

        return results;
    }

    /// <summary>Log-linear prices from <paramref name="from"/> to <paramref name="to"/>, in ticks of 1e-4 so small moves survive rounding.</summary>
    private static long[] Path(double from, double to, int points)
    {
        var prices = new long[points];
        for (var i = 0; i < points; i++)
        {
            prices[i] = (long)Math.Round(from * Math.Pow(to / from, i / (double)Math.Max(1, points - 1)) * 10_000);
        }

        return prices;
    }
}
