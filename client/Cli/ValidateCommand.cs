using System.CommandLine;
using System.Globalization;
using MarketSim.Client.Runs;

namespace MarketSim.Client.Cli;

/// <summary>
/// <c>marketsim validate &lt;scenario&gt;</c>: reads a scenario (its bases and overrides too) exactly as <c>run</c>
/// would, and says what it holds or everything wrong with it, without running anything.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file." };
        var set = new Option<string[]>("--set") { Description = "Override a scenario value: path=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("validate", "Check a scenario file without running it: every problem, one line each (exit 2), or what it holds (exit 0).") { scenario, set };
        command.SetAction(result =>
        {
            var file = result.GetRequiredValue(scenario);
            var loaded = ScenarioFile.Open(file).Load(result.GetValue(set) ?? []);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: valid: '{loaded.Name}', {loaded.Ticks} ticks, seed {loaded.Seed}, {loaded.Retail.Count:N0} retail agents, {loaded.InstitutionIds().Count} institutions, {loaded.Venues.Count} venues, {loaded.Instruments.Count} instruments"));
            return ExitCodes.Success;
        });
        return command;
    }
}
