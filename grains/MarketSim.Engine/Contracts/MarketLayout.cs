using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Contracts;

/// <summary>
/// The shape of a market derived from a scenario: instruments on their integer grids, the books,
/// and the participant endpoints. Both hosts build the same layout, so ids and indices agree.
/// Retail agents are owners 0..N−1; institutions are owners from <see cref="InstitutionOwnerBase"/>.
/// </summary>
public sealed class MarketLayout
{
    /// <summary>First owner id of institutions, far above any retail agent id.</summary>
    public const long InstitutionOwnerBase = 1L << 48;

    /// <summary>
    /// Ticks of returns a market maker's volatility estimate looks back over: fixed by the model, not a scenario
    /// setting, and here so the snapshot's history is long enough for it.
    /// </summary>
    public const int MarketMakerVolatilityLookback = 20;

    private readonly Dictionary<long, ParticipantClass> _institutionClass = [];

    public MarketLayout(Scenario scenario, int? cohortSize = null)
    {
        Scenario = scenario;
        Instruments = scenario.Instruments.Select((spec, i) => spec.ToInstrument(i)).ToArray();
        var books = new List<BookRef>();
        for (var v = 0; v < scenario.Venues.Count; v++)
        {
            foreach (var id in scenario.Venues[v].Instruments)
            {
                books.Add(new BookRef(books.Count, v, InstrumentIndex(id)));
            }
        }

        Books = books;
        CohortSize = cohortSize ?? scenario.Retail.CohortSize;
        var participants = new List<ParticipantSlot>();
        for (long first = 0; first < scenario.Retail.Count; first += CohortSize)
        {
            var count = (int)Math.Min(CohortSize, scenario.Retail.Count - first);
            participants.Add(new ParticipantSlot(participants.Count, ParticipantClass.Retail, -1, first, count, 0));
        }

        CohortCount = participants.Count;
        void AddInstitutions<T>(IReadOnlyList<T> specs, ParticipantClass kind, Func<T, (string Venue, string Instrument, double MarginCapital)> placement)
        {
            for (var i = 0; i < specs.Count; i++)
            {
                var (venue, instrument, margin) = placement(specs[i]);
                participants.Add(new ParticipantSlot(participants.Count, kind, InstitutionOwnerBase + participants.Count - CohortCount, 0, 0, i)
                {
                    Venue = VenueIndex(venue),
                    Instrument = InstrumentIndex(instrument),
                    MarginCapital = margin,
                });
            }
        }

        AddInstitutions(scenario.MarketMakers, ParticipantClass.MarketMaker, s => (s.Venue, s.Instrument, 0));
        AddInstitutions(scenario.Funds, ParticipantClass.MomentumFund, s => (s.Venue, s.Instrument, s.Capital));
        AddInstitutions(scenario.ValueFunds, ParticipantClass.ValueFund, s => (s.Venue, s.Instrument, s.Capital));
        AddInstitutions(scenario.Ctas, ParticipantClass.Cta, s => (s.Venue, s.Instrument, s.Capital));
        AddInstitutions(scenario.LeveragedEtfs, ParticipantClass.LeveragedEtf, s => (s.Venue, s.Instrument, s.Aum));
        AddInstitutions(scenario.Allocators, ParticipantClass.Allocator, s => (s.Venue, s.Instrument, 0));
        AddInstitutions(scenario.Arbitrageurs, ParticipantClass.Arbitrageur, s => (s.Venues[0], s.Instrument, 0));
        AddInstitutions(scenario.Etfs, ParticipantClass.EtfInvestors, s => (s.ShareVenue, s.Shares, 0));
        AddInstitutions(scenario.Etfs, ParticipantClass.EtfIssuer, s => (s.UnderlyingVenue, s.Underlying, 0));

        foreach (var p in participants.Where(p => !p.IsCohort))
        {
            _institutionClass.Add(p.Owner, p.Class);
        }

        Participants = participants;
        HistoryLength = 1 + new[]
        {
            scenario.Retail.Trend.Lookback,
            scenario.Retail.Trend.LookbackMax,
            scenario.Retail.ActivityFeedback.LongLookback,
            scenario.Retail.DipBuying.LookbackDays * scenario.TicksPerDay,
            scenario.Funds.Select(f => f.Lookback).DefaultIfEmpty(1).Max(),
            scenario.Ctas.SelectMany(c => c.Lookbacks.Append(c.VolatilityLookback)).DefaultIfEmpty(1).Max(),
            scenario.TicksPerDay,
            MarketMakerVolatilityLookback,
        }.Max();
    }

    public Scenario Scenario { get; }
    public IReadOnlyList<Instrument> Instruments { get; }
    public IReadOnlyList<BookRef> Books { get; }
    public IReadOnlyList<ParticipantSlot> Participants { get; }
    public int CohortSize { get; }
    public int CohortCount { get; }

    /// <summary>How many closes the snapshot carries: enough for the longest lookback.</summary>
    public int HistoryLength { get; }

    /// <summary>Owner id of every institution by its scenario id.</summary>
    public Dictionary<string, long> InstitutionIds()
    {
        var specs = Scenario.InstitutionIds().Concat(Scenario.Etfs.Select(s => $"{s.Id}/issuer"));
        return specs.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => InstitutionOwnerBase + x.i);
    }

    public int InstrumentIndex(string id) => Instruments.First(i => i.Id == id).Index;

    public int VenueIndex(string id) => Scenario.Venues.Select((v, i) => (v, i)).First(x => x.v.Id == id).i;

    public BookRef Book(int venue, int instrument) => Books.First(b => b.Venue == venue && b.Instrument == instrument);

    public ParticipantClass ClassOf(long owner) =>
        owner < InstitutionOwnerBase ? ParticipantClass.Retail : _institutionClass[owner];
}
