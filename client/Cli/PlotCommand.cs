using System.CommandLine;
using MarketSim.Client.Research.Charts;
using Spectre.Console;

namespace MarketSim.Client.Cli;

/// <summary><c>marketsim plot &lt;run-dir&gt;</c>: PNG charts of a run, written into its folder.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var run = RunFolders.Argument();
        var command = new Command("plot", "Draw a run's charts as PNG files into its folder.") { run };
        command.SetAction(async (result, cancellationToken) =>
        {
            var folder = RunFolders.RequireTrace(result, run);
            var charts = await RunFolders.ReadAsync(() => RunCharts.WriteAsync(folder, cancellationToken));
            foreach (var file in charts.Files)
            {
                AnsiConsole.MarkupLineInterpolated($"wrote   {Path.Combine(folder, file)}");
            }

            foreach (var note in charts.Notes)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{note}[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
