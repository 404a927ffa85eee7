using System.CommandLine;
using Spectre.Console;

namespace MarketSim.Client.Cli;

/// <summary>The <c>marketsim</c> command line.</summary>
public static class MarketSimCommand
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("MarketSim: agent-based simulation of market participants, their flows and liquidation cascades, on Microsoft Orleans.")
        {
            RunCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync();
        }
        catch (InputException e)
        {
            foreach (var problem in e.Problems)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {problem}");
            }

            return ExitCodes.BadInput;
        }
    }
}
