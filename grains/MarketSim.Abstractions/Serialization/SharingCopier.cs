using Orleans.Serialization.Cloning;

namespace MarketSim.Abstractions.Serialization;

/// <summary>
/// Copier for an Engine message that nobody changes once it is sent: a local call hands the callee the
/// same object, as the direct engine does, instead of a deep copy. Calls to another silo still serialize it.
/// </summary>
public abstract class SharingCopier<T> : IDeepCopier<T>
    where T : class
{
    public T? DeepCopy(T? input, CopyContext context) => input;
}
