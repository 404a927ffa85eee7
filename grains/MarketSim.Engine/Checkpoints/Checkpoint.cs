namespace MarketSim.Engine.Checkpoints;

/// <summary>Checks shared by the participants' checkpoints.</summary>
public static class Checkpoint
{
    /// <summary>Reads the endpoint a participant's state was saved from and refuses to restore it into another.</summary>
    public static void ExpectEndpoint(CheckpointReader reader, int expected)
    {
        var endpoint = reader.ReadInt();
        if (endpoint != expected)
        {
            throw new CheckpointMismatchException($"checkpoint of endpoint {endpoint} restored into endpoint {expected}");
        }
    }
}
