using System.CommandLine;
using MarketSim.Client.Research.Calibration;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Client.Cli;

/// <summary>
/// <c>marketsim calibrate-impact &lt;scenario&gt; --flow -1e9</c>: how far a given net flow moves the price
/// in the scenario's market, and optionally the value of a depth parameter at which it moves it by a target.
/// </summary>
public static class CalibrateImpactCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file." };
        var flow = NumberOptions.Optional<double>("--flow", "Net flow in quote currency, negative for an outflow (e.g. -1e9).", check: f => f != 0 ? null : "must not be 0");
        flow.Required = true;
        var participant = new Option<string?>("--participant") { Description = "Who receives the flow (an institution's id; default: the scenario's first ETF, whose investors trade it through the AP)." };
        var book = new Option<string?>("--book") { Description = "venue/instrument whose price is measured (default: the ETF's underlying on its venue, else the first book)." };
        var at = NumberOptions.Optional<long>("--at", "Tick at which the flow starts (default: one day in).", 0, ScenarioLimits.MaxTicks);
        var over = NumberOptions.Optional<int>("--over", "Ticks the flow is spread over (default: one day).", 1);
        var horizon = NumberOptions.Optional<int>("--horizon", "Ticks after the flow ends at which the move is measured (default: one day).", 1);
        var replicas = NumberOptions.Optional<int>("--replicas", "Seeds per measurement (the scenario's, then derived ones); the move is their mean (default 5: one seed can sit on either side of a cascade).", 1);
        var target = NumberOptions.Optional<double>("--target", "Move to hit, as a fraction (-0.034 = 3.4% lower): search the --tune values for it.", check: t => t > -1 && t != 0 ? null : "must be a fraction above -1 and not 0");
        var tolerance = NumberOptions.WithDefault("--tolerance", "How close to --target is close enough.", 0.002, check: t => t > 0 ? null : "must be > 0");
        var tune = new Option<string[]>("--tune") { Description = "A value to search, path=low..high on a log scale (repeatable; all move together), e.g. marketMakers[0].sizePerLevel=10..1000." };
        var steps = NumberOptions.WithDefault("--steps", "Most measurements the search makes.", 10, 2);
        var set = new Option<string[]>("--set") { Description = "Override a scenario value: path=value (repeatable)." };
        var shared = new SharedRunOptions();

        var command = new Command("calibrate-impact", "Measure the price move a net flow causes, against the same run without it; optionally search a depth parameter for a target move.")
        {
            scenario, flow, participant, book, at, over, horizon, replicas, target, tolerance, tune, steps, set,
        };
        shared.AddTo(command, writesTraces: false);
        command.Validators.Add(result =>
        {
            double? wanted;
            string[] tuned;
            try
            {
                wanted = result.GetValue(target);
                tuned = result.GetValue(tune) ?? [];
            }
            catch (InvalidOperationException)
            {
                // --target did not parse, and its own error says so already.
                return;
            }

            if (wanted is not null && tuned.Length == 0)
            {
                result.AddError("--target: needs at least one --tune path=low..high to search");
            }

            if (wanted is null && tuned.Length > 0)
            {
                result.AddError("--tune: needs a --target move to search for");
            }
        });

        command.SetAction((result, cancellationToken) => ImpactSession.ExecuteAsync(
            new ImpactArguments(
                ScenarioPath: result.GetRequiredValue(scenario),
                Overrides: [.. result.GetValue(set) ?? [], .. shared.ScenarioOverrides(result)],
                Flow: result.GetValue(flow) ?? 0,
                Participant: result.GetValue(participant),
                Book: result.GetValue(book),
                At: result.GetValue(at),
                Over: result.GetValue(over),
                Horizon: result.GetValue(horizon),
                Replicas: result.GetValue(replicas) ?? 5,
                Target: result.GetValue(target),
                Tolerance: result.GetValue(tolerance),
                Tune: result.GetValue(tune) ?? [],
                Steps: result.GetValue(steps),
                Settings: shared.Settings(result)),
            cancellationToken));
        return command;
    }
}
