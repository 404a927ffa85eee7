using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="BookRound"/>, one book's prices in one clearing round: its fields as they are.</summary>
[GenerateSerializer]
public struct BookRoundSurrogate
{
    [Id(0)] public int Book;
    [Id(1)] public long Low;
    [Id(2)] public long High;
    [Id(3)] public long Last;
    [Id(4)] public long Trades;
}

[RegisterConverter]
public sealed class BookRoundConverter : IConverter<BookRound, BookRoundSurrogate>
{
    public BookRound ConvertFromSurrogate(in BookRoundSurrogate s) =>
        new(s.Book, s.Low, s.High, s.Last, s.Trades);

    public BookRoundSurrogate ConvertToSurrogate(in BookRound value) => new()
    {
        Book = value.Book,
        Low = value.Low,
        High = value.High,
        Last = value.Last,
        Trades = value.Trades,
    };
}
