using MarketSim.Engine.Markets;

namespace MarketSim.Engine.Checkpoints;

/// <summary>Checks shared by the participants' checkpoints.</summary>
public static class Checkpoint
{
    /// <summary>Reads the endpoint a participant's state was saved from and refuses to restore it into another.</summary>
    public static void ExpectEndpoint(CheckpointReader reader, ParticipantSlot slot)
    {
        var endpoint = reader.ReadInt();
        if (endpoint != slot.Endpoint)
        {
            throw new CheckpointMismatchException($"checkpoint of endpoint {endpoint} restored into endpoint {slot.Endpoint}");
        }
    }
}
