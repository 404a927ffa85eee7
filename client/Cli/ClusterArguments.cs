using System.CommandLine;
using System.CommandLine.Parsing;
using MarketSim.Client.Cluster;
using MarketSim.Grains.Hosting;

namespace MarketSim.Client.Cli;

/// <summary><c>--cluster</c>, <c>--cluster-id</c>, <c>--service-id</c>: run on a running cluster instead of embedded silos.</summary>
public sealed class ClusterArguments
{
    private readonly Option<string?> _address = new("--cluster")
    {
        Description = "Run on the cluster whose membership is in this Redis, e.g. redis://127.0.0.1:6390, instead of embedded silos.",
    };

    private readonly Option<string> _clusterId = new("--cluster-id")
    {
        Description = "Orleans cluster id of that cluster's silos.",
        DefaultValueFactory = _ => ClusterDefaults.ClusterId,
    };

    private readonly Option<string> _serviceId = new("--service-id")
    {
        Description = "Orleans service id of that cluster's silos.",
        DefaultValueFactory = _ => ClusterDefaults.ServiceId,
    };

    public ClusterArguments()
    {
        _address.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !ClusterAddress.TryParse(text, out _))
            {
                result.AddError($"--cluster: expected redis://host:port, got '{text}'");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_address);
        command.Options.Add(_clusterId);
        command.Options.Add(_serviceId);
    }

    /// <summary>Rejects the cluster ids without <c>--cluster</c>, and <c>--cluster</c> with options that only mean something locally.</summary>
    public void RejectConflicts(CommandResult command, Option<string> engine, Option<int> silos)
    {
        if (command.GetValue(_address) is null)
        {
            foreach (var option in new[] { _clusterId, _serviceId }.Where(o => Given(command, o)))
            {
                command.AddError($"{option.Name}: only means something with --cluster");
            }

            return;
        }

        if (command.GetValue(engine) == "direct")
        {
            command.AddError("--cluster: runs on Orleans silos; it cannot be combined with --engine direct");
        }

        if (Given(command, silos))
        {
            command.AddError("--silos: counts embedded silos; with --cluster the run uses the cluster's silos");
        }
    }

    public ClusterTarget? Read(ParseResult result) =>
        result.GetValue(_address) is { } text && ClusterAddress.TryParse(text, out var address)
            ? new ClusterTarget(address, result.GetRequiredValue(_clusterId), result.GetRequiredValue(_serviceId))
            : null;

    private static bool Given(CommandResult command, Option option) => command.GetResult(option) is { Implicit: false };
}
