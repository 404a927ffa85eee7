using System.CommandLine;
using System.Globalization;
using MarketSim.Client.Runs;
using MarketSim.Engine.Participants.Institutions;
using MarketSim.Engine.Scenarios;
using Spectre.Console;

namespace MarketSim.Client.Cli;

/// <summary>
/// <c>marketsim cta-project &lt;scenario&gt;</c>: the flows the scenario's CTA book would trade along
/// hypothetical up / flat / down paths, without running the market.
/// </summary>
public static class CtaProjectCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file (its ctas are projected)." };
        var paths = new Option<string>("--paths") { Description = "Paths to project: up, flat, down, or name=move such as crash=-0.15.", DefaultValueFactory = _ => "up,flat,down" };
        var move = NumberOptions.WithDefault("--move", "Size of the up and down moves over the horizon (0.05 = 5%).", 0.05);
        var horizon = NumberOptions.WithDefault("--horizon", "Ticks to project.", 120, 1, ScenarioLimits.MaxTicks);
        var history = NumberOptions.Optional<double>("--history-return", "Return over the CTA's longest lookback up to today (−0.1 = the market fell 10%); default: its instrument's priorReturn in the scenario.");
        var volatility = NumberOptions.WithDefault("--volatility", "Per-tick volatility the CTAs size with.", 0.002, check: v => v > 0 ? null : "must be > 0");
        var set = new Option<string[]>("--set") { Description = "Override a scenario value: path=value (repeatable)." };

        var command = new Command("cta-project", "Project the CTA flows implied by hypothetical price paths.") { scenario, paths, move, horizon, history, volatility, set };
        command.SetAction(result =>
        {
            var file = result.GetRequiredValue(scenario);
            var loaded = ScenarioFile.Open(file).Load(result.GetValue(set) ?? []);
            if (loaded.Ctas.Count == 0)
            {
                throw new InputException([$"{file}: ctas: the scenario has no CTA to project"]);
            }

            var projected = ParsePaths(result.GetRequiredValue(paths), result.GetValue(move));
            var instruments = loaded.Instruments.ToDictionary(i => i.Id);
            var table = new Table()
                .Title(Markup.Escape($"CTA flows over {result.GetValue(horizon)} ticks ({loaded.Name})"))
                .AddColumns("cta", "path", "start exposure", "end exposure", "net flow", "largest one-tick sale");
            foreach (var cta in loaded.Ctas)
            {
                var instrument = instruments[cta.Instrument];
                var historyReturn = result.GetValue(history) ?? instrument.PriorReturn;
                foreach (var p in CtaProjection.Project(cta, (double)instrument.InitialPrice, historyReturn, result.GetValue(volatility), result.GetValue(horizon), projected))
                {
                    table.AddRow(
                        Markup.Escape(p.Cta), Markup.Escape(p.Path),
                        Share(p.StartExposure / p.MaxLeverage), Share(p.EndExposure / p.MaxLeverage),
                        p.NetFlow.ToString("N0", CultureInfo.InvariantCulture), p.LargestSale.ToString("N0", CultureInfo.InvariantCulture));
                }
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("Exposure is a share of the CTA's maximum leverage: −100% is fully short. Flows are notional in quote currency.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Share(double fraction) => fraction.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);

    private static ProjectionPath[] ParsePaths(string text, double move) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name switch
        {
            "up" => new ProjectionPath("up", move),
            "flat" => new ProjectionPath("flat", 0),
            "down" => new ProjectionPath("down", -move),
            _ when name.Split('=') is [var label, var value] && double.TryParse(value, CultureInfo.InvariantCulture, out var m) && m > -1 => new ProjectionPath(label, m),
            _ => throw new InputException([$"--paths: unknown path '{name}' (use up, flat, down or name=move such as crash=-0.15)"]),
        }).ToArray();
}
