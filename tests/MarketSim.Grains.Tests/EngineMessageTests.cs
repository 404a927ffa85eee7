using MarketSim.Abstractions.Serialization;
using MarketSim.Engine.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace MarketSim.Grains.Tests;

/// <summary>
/// The per-tick messages of a real run (small quick start on the direct engine, every phase's message
/// captured): each crosses a silo boundary through its Orleans surrogate intact, a local call shares it
/// instead of copying it, and none goes through the JSON codec.
/// </summary>
public sealed class EngineMessageTests
{
    private readonly IServiceProvider _services = new ServiceCollection()
        .AddSerializer(s => s.AddMarketSimSerialization())
        .BuildServiceProvider();

    [Fact]
    public async Task Every_phase_message_crosses_a_silo_through_its_surrogate_unchanged_and_is_shared_on_a_local_call()
    {
        var messages = (await CapturedRun.Messages(ticks: 30)).Where(m => EngineWireTypes.All.Contains(m.GetType())).ToList();
        Assert.Equal(
            [typeof(ClearReport), typeof(Ledger), typeof(ParticipantCloseReport), typeof(RoundOutcome), typeof(VenueTickReport)],
            messages.Select(m => m.GetType()).Distinct().OrderBy(t => t.Name));
        Assert.Contains(messages.OfType<ParticipantCloseReport>(), r => r.CostBasis.Histograms.Count > 0 && r.RestingLevels.Count > 0);
        Assert.Contains(messages.OfType<VenueTickReport>(), r => r.Bars.Count > 0 && r.Flows.Count > 0);

        var serializer = _services.GetRequiredService<Serializer>();
        var copier = _services.GetRequiredService<DeepCopier>();
        var codecs = _services.GetRequiredService<ICodecProvider>();
        foreach (var message in messages)
        {
            var type = message.GetType();
            var bytes = serializer.SerializeToArray<object>(message);
            var back = serializer.Deserialize<object>(bytes);

            Assert.Equal(CapturedRun.Canonical(message, type), CapturedRun.Canonical(back, type));
            Assert.Same(message, copier.Copy(message));
        }

        foreach (var type in EngineWireTypes.All)
        {
            Assert.IsNotType<JsonCodec>(codecs.GetCodec(type), exactMatch: false);
        }
    }
}
