namespace MarketSim.Engine.Scenarios;

/// <summary>The kinds of value a scenario field takes, as the reader reads them.</summary>
internal enum SchemaType
{
    String,
    Integer,
    Number,
    Boolean,
    Choice,
    Strings,
    Integers,
    Mapping,
    Mappings,
}
