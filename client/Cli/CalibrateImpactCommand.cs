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
        var flow = NumberOptions.WithDefault("--flow", "Net flow in quote currency, negative for an outflow (e.g. -1e9).", 0.0);
        flow.Required = true;
        var participant = new Option<string?>("--participant") { Description = "Who receives the flow (an institution's id; default: the scenario's first ETF, whose investors trade it through the AP)." };
        var book = new Option<string?>("--book") { Description = "venue/instrument whose price is measured (default: the ETF's underlying on its venue, else the first book)." };
        var at = NumberOptions.Optional<long>("--at", "Tick at which the flow starts (default: one day in).", 0, ScenarioLimits.MaxTicks);
        var over = NumberOptions.Optional<int>("--over", "Ticks the flow is spread over (default: one day).", 1);
        var horizon = NumberOptions.Optional<int>("--horizon", "Ticks after the flow ends at which the move is measured (default: one day).", 1);
        var replicas = NumberOptions.Optional<int>("--replicas", "Seeds per measurement (the scenario's, then derived ones); the move is their mean (default 5: one seed can sit on either side of a cascade).", 1);
        var target = NumberOptions.Optional<double>("--target", "Move to hit, as a fraction (-0.034 = 3.4% lower): search the --tune values for it.");
        var tolerance = NumberOptions.WithDefault("--tolerance", "How close to --target is close enough.", 0.002);
        var tune = new Option<string[]>("--tune") { Description = "A value to search, path=low..high on a log scale (repeatable; all move together), e.g. marketMakers[0].sizePerLevel=10..1000." };
        var steps = NumberOptions.WithDefault("--steps", "Most measurements the search makes.", 10, 1);
        var set = new Option<string[]>("--set") { Description = "Override a scenario value: path=value (repeatable)." };
        var shared = new SharedRunOptions();
        steps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var n and < 2)
            {
                r.AddError($"--steps: must be at least 2, got {n}");
            }
        });
        tolerance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var t && !(t > 0))
            {
                r.AddError($"--tolerance: must be > 0, got {t}");
            }
        });

        var command = new Command("calibrate-impact", "Measure the price move a net flow causes, against the same run without it; optionally search a depth parameter for a target move.")
        {
            scenario, flow, participant, book, at, over, horizon, replicas, target, tolerance, tune, steps, set,
        };
        shared.AddTo(command, writesTraces: false);
        command.Validators.Add(result =>
        {
            if (result.GetValue(flow) == 0)
            {
                result.AddError("--flow: must not be 0");
            }

            if (result.GetValue(at) is < 0)
            {
                result.AddError($"--at: must be >= 0, got {result.GetValue(at)}");
            }

            if (result.GetValue(target) is { } t && (t <= -1 || t == 0))
            {
                result.AddError($"--target: must be a fraction above -1 and not 0, got {t}");
            }

            if (result.GetValue(target) is not null && (result.GetValue(tune) ?? []).Length == 0)
            {
                result.AddError("--target: needs at least one --tune path=low..high to search");
            }

            if (result.GetValue(target) is null && (result.GetValue(tune) ?? []).Length > 0)
            {
                result.AddError("--tune: needs a --target move to search for");
            }
        });

        command.SetAction((result, cancellationToken) => ImpactSession.ExecuteAsync(
            new ImpactArguments(
                ScenarioPath: result.GetRequiredValue(scenario),
                Overrides: [.. result.GetValue(set) ?? [], .. shared.ScenarioOverrides(result)],
                Flow: result.GetValue(flow),
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
