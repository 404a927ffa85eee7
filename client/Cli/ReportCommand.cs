using System.CommandLine;
using MarketSim.Client.Research.Reports;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Cli;

/// <summary><c>marketsim report &lt;run-dir&gt;</c>: the run's summary and the stylized facts of its returns, as Markdown.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var run = RunFolders.Argument();
        var command = new Command("report", "Write report.md into a run folder (summary, stylized facts of returns, chart links) and print it.") { run };
        command.SetAction(async (result, cancellationToken) =>
        {
            var folder = RunFolders.RequireTrace(result, run);
            if (!File.Exists(Path.Combine(folder, TraceWriter.SummaryFileName)))
            {
                throw new InputException([$"{folder}: no {TraceWriter.SummaryFileName}; the run did not finish"]);
            }

            // Plain text, not Spectre markup: Markdown is full of brackets.
            Console.Write(await RunFolders.ReadAsync(() => RunReport.WriteAsync(folder, cancellationToken)));
            return ExitCodes.Success;
        });
        return command;
    }
}
