using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>The end-of-run summary table.</summary>
public static class SummaryView
{
    public static void Print(RunSummary summary, string folder, string engine, int silos)
    {
        var table = new Table().Title(Markup.Escape($"run {summary.RunId}")).AddColumns("book", "open", "close", "max drawdown", "volume");
        foreach (var book in summary.Books)
        {
            table.AddRow(
                Markup.Escape($"{book.Instrument}@{book.Venue}"),
                book.InitialPrice.ToString("N2"),
                book.FinalPrice.ToString("N2"),
                book.MaxDrawdown.ToString("P2"),
                book.Volume.ToString("N3"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"engine            {engine}{(silos > 0 ? $" on {silos} silo(s)" : "")}, {summary.Ticks} ticks");
        AnsiConsole.MarkupLineInterpolated($"stop-loss sold    {summary.StopNotional:N0}");
        AnsiConsole.MarkupLineInterpolated($"margin liquidated {summary.MarginLiquidatedNotional:N0}");
        AnsiConsole.MarkupLineInterpolated($"cascades          {summary.CascadeTicks} ticks needed more than one round; deepest {summary.MaxCascadeRounds} rounds");
        AnsiConsole.MarkupLineInterpolated($"cost resonance    {summary.ResonanceTicks} ticks");
        AnsiConsole.MarkupLine(summary.Conserved
            ? "conservation      [green]ok[/]: cash and units conserved in every tick"
            : $"conservation      [red]FAILED[/] in {summary.ConservationViolations} ticks");
        AnsiConsole.MarkupLineInterpolated($"trace hash        {summary.TraceHash}");
        AnsiConsole.MarkupLineInterpolated($"trace             {folder}");
    }
}
