using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="Ledger"/>: cash, units, issued units, reserves per venue and the external cash.</summary>
[GenerateSerializer]
public struct LedgerSurrogate
{
    [Id(0)] public long Cash;
    [Id(1)] public long[] Units;
    [Id(2)] public long[] Issued;
    [Id(3)] public long[] Reserves;
    [Id(4)] public long External;
}

[RegisterConverter]
public sealed class LedgerConverter : IConverter<Ledger, LedgerSurrogate>
{
    public Ledger ConvertFromSurrogate(in LedgerSurrogate s) =>
        new(s.Cash, s.Units, s.Issued, s.Reserves) { External = s.External };

    public LedgerSurrogate ConvertToSurrogate(in Ledger value) => new()
    {
        Cash = value.Cash,
        Units = value.Units,
        Issued = value.Issued,
        Reserves = value.Reserves,
        External = value.External,
    };
}

/// <summary>A <see cref="Ledger"/> is never changed once built (sums make new ones), so a local call shares it.</summary>
[RegisterCopier]
public sealed class LedgerCopier : SharingCopier<Ledger>;
