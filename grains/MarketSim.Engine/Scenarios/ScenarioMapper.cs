using MarketSim.Engine.Markets;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Maps a scenario's YAML tree onto the <see cref="Scenario"/> records. The schema lives here: field names,
/// defaults, ranges, and the rules that tie sections together. Sections are read in dependency order
/// (instruments, venues, then everyone who trades on them) whatever their order in the file, so references are
/// checked as they are read. Defaults come from the records (their <c>Default</c> or <c>Defaults</c>), never from a
/// literal here. docs/scenario-schema.md describes the same rules; ScenarioSchemaDocTests checks it against this reader.
/// </summary>
internal sealed class ScenarioMapper(string sourceName, ReadContext context)
{
    // Upper bounds in ScenarioLimits (documented there and in docs/scenario-schema.md).
    private const int MaxTicks = ScenarioLimits.MaxTicks;
    private const long MaxRetailAgents = ScenarioLimits.MaxRetailAgents;
    private const int MaxVenues = ScenarioLimits.MaxVenues;
    private const int MaxInstruments = ScenarioLimits.MaxInstruments;
    private const double MaxAmount = ScenarioLimits.MaxAmount;
    private const double MaxPriceTicks = ScenarioLimits.MaxPriceTicks;
    private const int MaxCascadeRounds = 64;
    private const int MaxLookback = 256;

    // Longest history a volatility feedback may read: two days of one-minute ticks.
    private const int MaxHistory = 2_880;
    private const int MaxQuoteLevels = 100;
    private const double MaxTakerFeeBps = 1000;
    private const double MixTolerance = 1e-9;

    private readonly IdRegistry _instruments = new("instrument");
    private readonly IdRegistry _venues = new("venue");

    // Market makers and funds share one namespace: both are accounts in the same trace.
    private readonly IdRegistry _participants = new("participant");

    // Venues that read without a problem, for checks that need their settings (listed instruments, margin).
    private readonly Dictionary<string, VenueSpec> _validVenues = new(StringComparer.Ordinal);

    /// <summary>The scenario, or null when any problem was reported (during this read or before it).</summary>
    public Scenario? Map(YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            context.Report(sourceName, $"must be a mapping of scenario fields, got {YamlNodes.Describe(root)}", root);
            return null;
        }

        var fields = MappingReader.Root(mapping, sourceName, context);
        var name = fields.String("name");
        if (fields.AreValid("name") && ScenarioName.ProblemWith(name) is { } nameProblem)
        {
            fields.ReportField("name", nameProblem);
        }

        var description = fields.String("description", defaultValue: Scenario.Defaults.Description);
        var seed = fields.Long("seed", ValueRange.Any, defaultValue: Scenario.Defaults.Seed);
        var ticks = fields.Int("ticks", ValueRange.Between(1, MaxTicks));
        var cascade = ReadCascade(fields.OptionalMapping("cascade"));
        var checkpoint = fields.Has("checkpoint") ? ReadCheckpoint(fields.OptionalMapping("checkpoint")) : null;
        var instruments = ReadCatalogue(fields, "instruments", MaxInstruments, _instruments, ReadInstrument);
        var venues = ReadCatalogue(fields, "venues", MaxVenues, _venues, ReadVenue);
        CheckMarkSources(context, mapping, venues);
        var retail = fields.Mapping("retail") is { } retailFields ? ReadRetail(retailFields) : null;
        var ticksPerDay = fields.Int("ticksPerDay", ValueRange.Between(1, MaxTicks), defaultValue: Scenario.Defaults.TicksPerDay);
        var marketMakers = fields.Mappings("marketMakers", required: false).Select(ReadMarketMaker).ToList();
        var funds = fields.Mappings("funds", required: false).Select(ReadFund).ToList();
        var valueFunds = fields.Mappings("valueFunds", required: false).Select(ReadValueFund).ToList();
        var ctas = fields.Mappings("ctas", required: false).Select(ReadCta).ToList();
        var leveragedEtfs = fields.Mappings("leveragedEtfs", required: false).Select(ReadLeveragedEtf).ToList();
        var allocators = fields.Mappings("allocators", required: false).Select(ReadAllocator).ToList();
        var arbitrageurs = fields.Mappings("arbitrageurs", required: false).Select(ReadArbitrageur).ToList();
        var etfs = fields.Mappings("etfs", required: false).Select(ReadEtf).ToList();
        foreach (var (allocator, i) in allocators.Select((a, i) => (a, i)).Where(x => x.a.Etf is not null))
        {
            if (!etfs.Any(e => e.Id == allocator.Etf))
            {
                var at = mapping.Children.TryGetValue(new YamlScalarNode("allocators"), out var list) && list is YamlSequenceNode { Children.Count: var n } items && i < n
                    && items[i] is YamlMappingNode item && item.Children.TryGetValue(new YamlScalarNode("etf"), out var etf) ? etf : mapping;
                context.Report($"allocators[{i}].etf", $"no ETF with id '{allocator.Etf}' in etfs", at);
            }
        }

        var events = ReadEvents(fields.OptionalMapping("events"), [.. arbitrageurs.Select(a => a.Id)]);
        var metrics = ReadMetrics(fields.OptionalMapping("metrics"));
        fields.RejectUnknownFields();

        return context.ProblemCount == 0 && retail is not null
            ? new Scenario(name, description, seed, ticks, cascade, instruments, venues, retail, marketMakers, funds, ticksPerDay)
            {
                ValueFunds = valueFunds,
                Ctas = ctas,
                LeveragedEtfs = leveragedEtfs,
                Allocators = allocators,
                Arbitrageurs = arbitrageurs,
                Etfs = etfs,
                Events = events,
                Metrics = metrics,
                Checkpoint = checkpoint,
            }
            : null;
    }

    private static CascadeSpec ReadCascade(MappingReader fields)
    {
        var maxRounds = fields.Int("maxRounds", ValueRange.Between(1, MaxCascadeRounds), defaultValue: CascadeSpec.Defaults.MaxRounds);
        fields.RejectUnknownFields();
        return new CascadeSpec(maxRounds);
    }

    private static MetricsSpec ReadMetrics(MappingReader fields)
    {
        var defaults = MetricsSpec.Default;
        var costBinWidth = fields.Double("costBinWidth", ValueRange.OpenFraction, defaultValue: defaults.CostBinWidth);
        var triggerBinWidth = fields.Double("triggerBinWidth", ValueRange.OpenFraction, defaultValue: defaults.TriggerBinWidth);
        var threshold = fields.Double("resonanceThreshold", ValueRange.Fraction, defaultValue: defaults.ResonanceThreshold);
        var underwater = fields.Double("resonanceUnderwater", ValueRange.Fraction, defaultValue: defaults.ResonanceUnderwater);
        var restingWindow = fields.Double("restingWindow", ValueRange.Fraction, defaultValue: defaults.RestingWindow);
        var institutional = fields.Strings("institutional", defaultValue: defaults.Institutional);
        var names = Enum.GetValues<ParticipantClass>().Select(c => c.TraceName()).ToArray();
        for (var i = 0; i < institutional.Count; i++)
        {
            if (institutional[i] == ParticipantClass.Retail.TraceName() || !names.Contains(institutional[i], StringComparer.Ordinal))
            {
                fields.ReportItem("institutional", i, $"must be a participant class other than retail ({string.Join(", ", names.Skip(1))}), got '{institutional[i]}'");
            }
        }

        fields.RejectUnknownFields();
        return new MetricsSpec(costBinWidth, triggerBinWidth, threshold, underwater, institutional) { RestingWindow = restingWindow };
    }

    private static CheckpointSpec ReadCheckpoint(MappingReader fields)
    {
        var everyTicks = fields.Int("everyTicks", ValueRange.Between(0, MaxTicks));
        fields.RejectUnknownFields();
        return new CheckpointSpec(everyTicks);
    }

    private static List<T> ReadCatalogue<T>(MappingReader fields, string key, int max, IdRegistry registry, Func<MappingReader, T> read)
    {
        var items = fields.Mappings(key, required: true).Select(read).ToList();
        if (items.Count > max)
        {
            fields.ReportField(key, $"at most {max} entries, got {items.Count}");
        }

        if (!fields.AreValid(key))
        {
            // A broken list may hide the very definition a later reference means.
            registry.MarkIncomplete();
        }

        return items;
    }

    private InstrumentSpec ReadInstrument(MappingReader fields)
    {
        var id = DeclareId(fields, _instruments);
        var tickSize = fields.Decimal("tickSize", ValueRange.Positive);
        var lotSize = fields.Decimal("lotSize", ValueRange.Positive);
        var initialPrice = fields.Decimal("initialPrice", ValueRange.Positive);

        // The engine keeps prices as integer ticks: the opening price must sit on the grid, and the grid must not be so fine that ticks overflow.
        if (fields.AreValid("tickSize", "initialPrice") && (double)initialPrice / (double)tickSize > MaxPriceTicks)
        {
            fields.ReportField("tickSize", Invariant($"too fine for initialPrice {initialPrice}: the price would be more than {MaxPriceTicks:0e0} ticks"));
        }
        else if (fields.AreValid("tickSize", "initialPrice") && initialPrice % tickSize != 0)
        {
            fields.ReportField("initialPrice", Invariant($"must be a multiple of tickSize {tickSize}, got {initialPrice}"));
        }

        var priorReturn = fields.Double("priorReturn", ValueRange.Above(-1), defaultValue: InstrumentSpec.Defaults.PriorReturn);
        fields.RejectUnknownFields();
        return new InstrumentSpec(id, tickSize, lotSize, initialPrice) { PriorReturn = priorReturn };
    }

    private VenueSpec ReadVenue(MappingReader fields)
    {
        var id = DeclareId(fields, _venues);
        var instruments = fields.Strings("instruments");
        if (fields.AreValid("instruments"))
        {
            CheckListedInstruments(fields, instruments);
        }

        var takerFeeBps = fields.Double("takerFeeBps", ValueRange.Between(0, MaxTakerFeeBps), defaultValue: VenueSpec.Defaults.TakerFeeBps);
        var makerFeeBps = fields.Double("makerFeeBps", ValueRange.NonNegative, defaultValue: VenueSpec.Defaults.MakerFeeBps);
        var initialMargin = fields.Double("initialMargin", ValueRange.PositiveFraction, defaultValue: VenueSpec.Defaults.InitialMargin);
        var maintenanceMargin = fields.Double(
            "maintenanceMargin", ValueRange.PositiveFraction, defaultValue: initialMargin * VenueSpec.Defaults.MaintenanceShareOfInitial);
        if (fields.AreValid("initialMargin", "maintenanceMargin") && maintenanceMargin > initialMargin)
        {
            fields.ReportField("maintenanceMargin", Invariant($"must be <= initialMargin {initialMargin}, got {maintenanceMargin}"));
        }

        var liquidationFeeBps = fields.Double("liquidationFeeBps", ValueRange.NonNegative, defaultValue: VenueSpec.Defaults.LiquidationFeeBps);
        var insuranceFund = fields.Double("insuranceFund", ValueRange.NonNegative.AtMost(MaxAmount), defaultValue: VenueSpec.Defaults.InsuranceFund);
        var priceBandBps = fields.Double("priceBandBps", ValueRange.Between(0, 10_000), defaultValue: VenueSpec.Defaults.PriceBandBps);
        var markPrice = fields.Has("markPrice") ? ReadMarkPrice(fields.OptionalMapping("markPrice")) : null;
        fields.RejectUnknownFields();

        var venue = new VenueSpec(id, instruments, takerFeeBps, makerFeeBps, initialMargin, maintenanceMargin, liquidationFeeBps, insuranceFund)
        {
            PriceBandBps = priceBandBps,
            MarkPrice = markPrice,
        };
        if (!fields.HasProblems)
        {
            _validVenues.Add(id, venue);
        }

        return venue;
    }

    private static MarkPriceSpec ReadMarkPrice(MappingReader fields)
    {
        var sources = fields.Mappings("sources", required: true).Select(source =>
        {
            var venue = source.String("venue");
            var weight = source.Double("weight", ValueRange.Positive, defaultValue: MarkSourceSpec.Defaults.Weight);
            source.RejectUnknownFields();
            return new MarkSourceSpec(venue, weight);
        }).ToList();
        var emaTicks = fields.Int("emaTicks", ValueRange.Between(0, MaxTicks), defaultValue: MarkPriceSpec.Defaults.EmaTicks);
        var clampBps = fields.Double("clampBps", ValueRange.Between(0, 10_000), defaultValue: MarkPriceSpec.Defaults.ClampBps);
        fields.RejectUnknownFields();
        return new MarkPriceSpec(sources, emaTicks, clampBps);
    }

    /// <summary>A mark price's sources may name any venue of the list, before or after the venue itself.</summary>
    private static void CheckMarkSources(ReadContext context, YamlMappingNode mapping, IReadOnlyList<VenueSpec> venues)
    {
        for (var v = 0; v < venues.Count; v++)
        {
            var sources = venues[v].MarkPrice?.Sources ?? [];
            for (var s = 0; s < sources.Count; s++)
            {
                if (!venues.Any(x => x.Id == sources[s].Venue))
                {
                    context.Report($"venues[{v}].markPrice.sources[{s}].venue", $"no venue with id '{sources[s].Venue}' in venues", mapping);
                }
            }
        }
    }

    private void CheckListedInstruments(MappingReader fields, IReadOnlyList<string> instruments)
    {
        for (var i = 0; i < instruments.Count; i++)
        {
            if (_instruments.ProblemWith(instruments[i]) is { } problem)
            {
                fields.ReportItem("instruments", i, problem);
            }
            else if (instruments.Take(i).Contains(instruments[i], StringComparer.Ordinal))
            {
                fields.ReportItem("instruments", i, $"lists '{instruments[i]}' twice");
            }
        }
    }

    private RetailSpec ReadRetail(MappingReader fields)
    {
        var count = fields.Long("count", ValueRange.Positive.AtMost(MaxRetailAgents));
        var cohortSize = fields.Int("cohortSize", ValueRange.Positive, defaultValue: RetailSpec.Defaults.CohortSize);
        var (venue, instrument) = ReadPlacement(fields);
        var capital = ReadCapital(fields.OptionalMapping("capital"));
        var investedShare = fields.Double("investedShare", ValueRange.Fraction, defaultValue: RetailSpec.Defaults.InvestedShare);
        var activity = fields.Double("activity", ValueRange.PositiveFraction, defaultValue: RetailSpec.Defaults.Activity);
        var mix = ReadMix(fields.OptionalMapping("mix"));
        var noise = ReadNoise(fields.OptionalMapping("noise"));
        var trend = ReadTrend(fields.OptionalMapping("trend"));
        var stopLoss = ReadStopLoss(fields.OptionalMapping("stopLoss"));
        var dipBuying = ReadDipBuying(fields.OptionalMapping("dipBuying"));
        var lossAversion = ReadLossAversion(fields.OptionalMapping("lossAversion"));
        var leverage = ReadRetailLeverage(fields.OptionalMapping("leverage"), venue);
        var fundamental = ReadFundamental(fields.OptionalMapping("fundamental"));
        var activityFeedback = ReadActivityFeedback(fields.OptionalMapping("activityFeedback"));
        var orderSizeTail = ReadOrderSizeTail(fields.OptionalMapping("orderSizeTail"));
        var venuePreference = fields.Mappings("venuePreference", required: false).Select(share =>
        {
            var shareVenue = Reference(share, "venue", _venues);
            var held = Reference(share, "instrument", _instruments, defaultValue: instrument);
            if (share.AreValid("venue", "instrument") && fields.AreValid("instrument") && _validVenues.TryGetValue(shareVenue, out var spec)
                && !spec.Instruments.Contains(held, StringComparer.Ordinal))
            {
                share.ReportField("venue", $"venue '{shareVenue}' does not list instrument '{held}'");
            }

            var value = share.Double("share", ValueRange.PositiveFraction);
            share.RejectUnknownFields();
            return new VenueShare(shareVenue, value, share.Has("instrument") ? held : null);
        }).ToList();
        if (fields.AreValid("venuePreference") && venuePreference.Count > 0 && Math.Abs(venuePreference.Sum(v => v.Share) - 1) > MixTolerance)
        {
            fields.ReportField("venuePreference", Invariant($"shares must sum to 1, got {venuePreference.Sum(v => v.Share):0.##########}"));
        }

        fields.RejectUnknownFields();
        return new RetailSpec(count, cohortSize, venue, instrument, capital, investedShare, activity, mix, noise, trend, stopLoss)
        {
            DipBuying = dipBuying,
            LossAversion = lossAversion,
            Leverage = leverage,
            VenuePreference = venuePreference,
            Fundamental = fundamental,
            ActivityFeedback = activityFeedback,
            OrderSizeTail = orderSizeTail,
        };
    }

    private static FundamentalTraderSpec ReadFundamental(MappingReader fields)
    {
        var defaults = FundamentalTraderSpec.Default;
        var value = fields.Double("value", ValueRange.NonNegative, defaultValue: defaults.Value);
        var dispersion = fields.Double("dispersion", ValueRange.NonNegative, defaultValue: defaults.Dispersion);
        var threshold = fields.Double("threshold", ValueRange.NonNegative, defaultValue: defaults.Threshold);
        var aggression = fields.Double("aggression", ValueRange.Positive, defaultValue: defaults.Aggression);
        var limitOffsetBps = fields.Double("limitOffsetBps", ValueRange.NonNegative, defaultValue: defaults.LimitOffsetBps);
        fields.RejectUnknownFields();
        return new FundamentalTraderSpec(value, dispersion, threshold, aggression, limitOffsetBps);
    }

    private static ActivityFeedbackSpec ReadActivityFeedback(MappingReader fields)
    {
        var weight = fields.Double("weight", ValueRange.Fraction, defaultValue: ActivityFeedbackSpec.Defaults.Weight);
        var shortLookback = fields.Int("shortLookback", ValueRange.Between(2, MaxHistory), defaultValue: ActivityFeedbackSpec.Defaults.ShortLookback);
        var longLookback = fields.Int("longLookback", ValueRange.Between(2, MaxHistory), defaultValue: ActivityFeedbackSpec.Defaults.LongLookback);
        var maxMultiple = fields.Double("maxMultiple", ValueRange.AtLeast(1), defaultValue: ActivityFeedbackSpec.Defaults.MaxMultiple);
        if (fields.AreValid("shortLookback", "longLookback") && longLookback <= shortLookback)
        {
            fields.ReportField("longLookback", Invariant($"must be > shortLookback {shortLookback}, got {longLookback}"));
        }

        fields.RejectUnknownFields();
        return weight > 0 ? new ActivityFeedbackSpec(weight, shortLookback, longLookback, maxMultiple) : ActivityFeedbackSpec.None;
    }

    private static OrderSizeTailSpec ReadOrderSizeTail(MappingReader fields)
    {
        // A Pareto shape at or below 1 has no mean to normalise by.
        var alpha = fields.Double("alpha", ValueRange.Above(1), defaultValue: OrderSizeTailSpec.Defaults.Alpha);
        var maxMultiple = fields.Double("maxMultiple", ValueRange.AtLeast(1), defaultValue: OrderSizeTailSpec.Defaults.MaxMultiple);
        var on = fields.Has("alpha");
        fields.RejectUnknownFields();
        return on ? new OrderSizeTailSpec(alpha, maxMultiple) : OrderSizeTailSpec.None;
    }

    private static CapitalSpec ReadCapital(MappingReader fields)
    {
        var defaults = CapitalSpec.Default;
        var minimum = fields.Double("minimum", ValueRange.Positive.AtMost(MaxAmount), defaultValue: defaults.Minimum);

        // A Pareto tail with shape <= 1 has no mean, and then total retail wealth depends on the cap alone.
        var alpha = fields.Double("alpha", ValueRange.Above(1), defaultValue: defaults.Alpha);
        var maximum = fields.Double("maximum", ValueRange.Positive.AtMost(MaxAmount), defaultValue: defaults.Maximum);
        if (fields.AreValid("minimum", "maximum") && maximum < minimum)
        {
            fields.ReportField("maximum", Invariant($"must be >= minimum {minimum}, got {maximum}"));
        }

        fields.RejectUnknownFields();
        return new CapitalSpec(minimum, alpha, maximum);
    }

    private static BehaviourMix ReadMix(MappingReader fields)
    {
        var defaults = BehaviourMix.Default;
        var noise = fields.Double("noise", ValueRange.Fraction, defaultValue: defaults.Noise);
        var trend = fields.Double("trend", ValueRange.Fraction, defaultValue: defaults.Trend);
        var dipBuying = fields.Double("dipBuying", ValueRange.Fraction, defaultValue: defaults.DipBuying);
        var lossAverse = fields.Double("lossAverse", ValueRange.Fraction, defaultValue: defaults.LossAverse);
        var fundamental = fields.Double("fundamental", ValueRange.Fraction, defaultValue: defaults.Fundamental);
        var sum = noise + trend + dipBuying + lossAverse + fundamental;
        if (fields.AreValid("noise", "trend", "dipBuying", "lossAverse", "fundamental") && Math.Abs(sum - 1) > MixTolerance)
        {
            fields.Report(Invariant(
                $"shares must sum to 1, got {sum:0.##########} (noise {noise} + trend {trend} + dipBuying {dipBuying} + lossAverse {lossAverse} + fundamental {fundamental})"));
        }

        fields.RejectUnknownFields();
        return new BehaviourMix(noise, trend, dipBuying, lossAverse, fundamental);
    }

    private static NoiseSpec ReadNoise(MappingReader fields)
    {
        var defaults = NoiseSpec.Default;
        var orderSize = fields.Double("orderSize", ValueRange.PositiveFraction, defaultValue: defaults.OrderSize);
        var limitOffsetBps = fields.Double("limitOffsetBps", ValueRange.NonNegative, defaultValue: defaults.LimitOffsetBps);
        var marketableShare = fields.Double("marketableShare", ValueRange.Fraction, defaultValue: defaults.MarketableShare);
        var valueTilt = fields.Double("valueTilt", ValueRange.NonNegative, defaultValue: defaults.ValueTilt);
        fields.RejectUnknownFields();
        return new NoiseSpec(orderSize, limitOffsetBps, marketableShare, valueTilt);
    }

    private static TrendSpec ReadTrend(MappingReader fields)
    {
        var defaults = TrendSpec.Default;
        var lookback = fields.Int("lookback", ValueRange.Between(1, MaxLookback), defaultValue: defaults.Lookback);
        var threshold = fields.Double("threshold", ValueRange.NonNegative, defaultValue: defaults.Threshold);
        var orderSize = fields.Double("orderSize", ValueRange.PositiveFraction, defaultValue: defaults.OrderSize);
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: defaults.MaxSlippageBps);
        var lookbackMax = fields.Int("lookbackMax", ValueRange.Between(1, MaxLookback), defaultValue: lookback);
        var thresholdMax = fields.Double("thresholdMax", ValueRange.NonNegative, defaultValue: threshold);
        if (fields.AreValid("lookback", "lookbackMax") && lookbackMax < lookback)
        {
            fields.ReportField("lookbackMax", Invariant($"must be >= lookback {lookback}, got {lookbackMax}"));
        }

        if (fields.AreValid("threshold", "thresholdMax") && thresholdMax < threshold)
        {
            fields.ReportField("thresholdMax", Invariant($"must be >= threshold {threshold}, got {thresholdMax}"));
        }

        fields.RejectUnknownFields();
        return new TrendSpec(lookback, threshold, orderSize, maxSlippageBps) { LookbackMax = lookbackMax, ThresholdMax = thresholdMax };
    }

    private static StopLossSpec ReadStopLoss(MappingReader fields)
    {
        var defaults = StopLossSpec.Default;
        var share = fields.Double("share", ValueRange.Fraction, defaultValue: defaults.Share);
        var distanceMin = fields.Double("distanceMin", ValueRange.OpenFraction, defaultValue: defaults.DistanceMin);
        var distanceMax = fields.Double("distanceMax", ValueRange.OpenFraction, defaultValue: defaults.DistanceMax);
        if (fields.AreValid("distanceMin", "distanceMax") && distanceMax < distanceMin)
        {
            fields.ReportField("distanceMax", Invariant($"must be >= distanceMin {distanceMin}, got {distanceMax}"));
        }

        var roundNumberStep = fields.Double("roundNumberStep", ValueRange.NonNegative, defaultValue: defaults.RoundNumberStep);
        var roundNumberShare = fields.Double("roundNumberShare", ValueRange.Fraction, defaultValue: defaults.RoundNumberShare);
        var onBook = fields.Bool("onBook", defaultValue: defaults.OnBook);
        var limitOffsetBps = fields.Double("limitOffsetBps", ValueRange.Between(0, 9_999), defaultValue: defaults.LimitOffsetBps);
        fields.RejectUnknownFields();
        return new StopLossSpec(share, distanceMin, distanceMax, roundNumberStep, roundNumberShare) { OnBook = onBook, LimitOffsetBps = limitOffsetBps };
    }

    private static DipBuyingSpec ReadDipBuying(MappingReader fields)
    {
        var defaults = DipBuyingSpec.Default;
        var lookbackDays = fields.Int("lookbackDays", ValueRange.Between(1, MaxLookback), defaultValue: defaults.LookbackDays);
        var threshold = fields.Double("threshold", ValueRange.OpenFraction, defaultValue: defaults.Threshold);
        var orderSize = fields.Double("orderSize", ValueRange.PositiveFraction, defaultValue: defaults.OrderSize);
        fields.RejectUnknownFields();
        return new DipBuyingSpec(lookbackDays, threshold, orderSize);
    }

    private RetailLeverageSpec ReadRetailLeverage(MappingReader fields, string venue)
    {
        var defaults = RetailLeverageSpec.None;
        var share = fields.Double("share", ValueRange.Fraction, defaultValue: defaults.Share);
        var min = fields.Double("min", ValueRange.AtLeast(1), defaultValue: defaults.Min);
        var max = fields.Double("max", ValueRange.AtLeast(1), defaultValue: defaults.Max);
        if (fields.AreValid("min", "max") && max < min)
        {
            fields.ReportField("max", Invariant($"must be >= min {min}, got {max}"));
        }

        CheckLeverage(fields, "max", venue, max);
        fields.RejectUnknownFields();
        return new RetailLeverageSpec(share, min, max);
    }

    private static RedemptionSpec ReadRedemptions(MappingReader fields)
    {
        var defaults = RedemptionSpec.Default;
        var trigger = fields.Double("trigger", ValueRange.OpenFraction, defaultValue: defaults.Trigger);
        var rate = fields.Double("rate", ValueRange.Fraction, defaultValue: defaults.Rate);
        fields.RejectUnknownFields();
        return new RedemptionSpec(trigger, rate);
    }

    private static LossAversionSpec ReadLossAversion(MappingReader fields)
    {
        var panicLoss = fields.Double("panicLoss", ValueRange.OpenFraction, defaultValue: LossAversionSpec.Default.PanicLoss);
        fields.RejectUnknownFields();
        return new LossAversionSpec(panicLoss);
    }

    private MarketMakerSpec ReadMarketMaker(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var (venue, instrument) = ReadPlacement(fields);
        var cash = fields.Double("cash", ValueRange.NonNegative.AtMost(MaxAmount));
        var inventory = fields.Double("inventory", ValueRange.NonNegative.AtMost(MaxAmount), defaultValue: MarketMakerSpec.Defaults.Inventory);
        var halfSpreadBps = fields.Double("halfSpreadBps", ValueRange.NonNegative, defaultValue: MarketMakerSpec.Defaults.HalfSpreadBps);
        var levels = fields.Int("levels", ValueRange.Between(1, MaxQuoteLevels), defaultValue: MarketMakerSpec.Defaults.Levels);
        var levelStepBps = fields.Double("levelStepBps", ValueRange.NonNegative, defaultValue: MarketMakerSpec.Defaults.LevelStepBps);
        var sizePerLevel = fields.Double("sizePerLevel", ValueRange.Positive);
        var skewBps = fields.Double("skewBps", ValueRange.NonNegative, defaultValue: MarketMakerSpec.Defaults.SkewBps);
        var volatilityWidening = fields.Double("volatilityWidening", ValueRange.NonNegative, defaultValue: MarketMakerSpec.Defaults.VolatilityWidening);
        var inventoryLimit = fields.Double("inventoryLimit", ValueRange.NonNegative, defaultValue: MarketMakerSpec.Defaults.InventoryLimit);
        var withdrawVolatility = fields.Double("withdrawVolatility", ValueRange.NonNegative, defaultValue: MarketMakerSpec.Defaults.WithdrawVolatility);
        var permanentImpact = fields.Double("permanentImpact", ValueRange.Fraction, defaultValue: MarketMakerSpec.Defaults.PermanentImpact);
        var resilience = fields.Double("resilience", ValueRange.Fraction, defaultValue: MarketMakerSpec.Defaults.Resilience);
        var requoteDelayRounds = fields.Int("requoteDelayRounds", ValueRange.Between(0, MaxCascadeRounds), defaultValue: MarketMakerSpec.Defaults.RequoteDelayRounds);
        var depthResilience = fields.Double("depthResilience", ValueRange.PositiveFraction, defaultValue: MarketMakerSpec.Defaults.DepthResilience);
        fields.RejectUnknownFields();
        return new MarketMakerSpec(id, venue, instrument, cash, inventory, halfSpreadBps, levels, levelStepBps, sizePerLevel, skewBps)
        {
            VolatilityWidening = volatilityWidening,
            InventoryLimit = inventoryLimit,
            WithdrawVolatility = withdrawVolatility,
            PermanentImpact = permanentImpact,
            Resilience = resilience,
            RequoteDelayRounds = requoteDelayRounds,
            DepthResilience = depthResilience,
        };
    }

    private FundSpec ReadFund(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var kind = fields.Choice<FundKind>("kind");
        var (venue, instrument) = ReadPlacement(fields);
        var capital = fields.Double("capital", ValueRange.Positive.AtMost(MaxAmount));
        var targetLeverage = ReadLeverage(fields, "targetLeverage", venue, defaultValue: FundSpec.Defaults.TargetLeverage);

        var lookback = fields.Int("lookback", ValueRange.Between(1, MaxLookback), defaultValue: FundSpec.Defaults.Lookback);
        var signalScale = fields.Double("signalScale", ValueRange.Positive, defaultValue: FundSpec.Defaults.SignalScale);
        var rebalanceThreshold = fields.Double("rebalanceThreshold", ValueRange.Fraction, defaultValue: FundSpec.Defaults.RebalanceThreshold);
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: FundSpec.Defaults.MaxSlippageBps);
        var redemptions = ReadRedemptions(fields.OptionalMapping("redemptions"));
        fields.RejectUnknownFields();
        return new FundSpec(id, kind, venue, instrument, capital, targetLeverage, lookback, signalScale, rebalanceThreshold, maxSlippageBps) { Redemptions = redemptions };
    }

    private ValueFundSpec ReadValueFund(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var (venue, instrument) = ReadPlacement(fields);
        var capital = fields.Double("capital", ValueRange.Positive.AtMost(MaxAmount));
        var fundamentalValue = fields.Double("fundamentalValue", ValueRange.Positive);
        var aggression = fields.Double("aggression", ValueRange.Positive, defaultValue: ValueFundSpec.Defaults.Aggression);
        var maxLeverage = ReadLeverage(fields, "maxLeverage", venue, defaultValue: ValueFundSpec.Defaults.MaxLeverage);
        var rebalanceThreshold = fields.Double("rebalanceThreshold", ValueRange.Fraction, defaultValue: ValueFundSpec.Defaults.RebalanceThreshold);
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: ValueFundSpec.Defaults.MaxSlippageBps);
        var redemptions = ReadRedemptions(fields.OptionalMapping("redemptions"));
        fields.RejectUnknownFields();
        return new ValueFundSpec(id, venue, instrument, capital, fundamentalValue, aggression, maxLeverage, rebalanceThreshold, maxSlippageBps) { Redemptions = redemptions };
    }

    private CtaSpec ReadCta(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var (venue, instrument) = ReadPlacement(fields);
        var capital = fields.Double("capital", ValueRange.Positive.AtMost(MaxAmount));
        var lookbacks = fields.Ints("lookbacks", ValueRange.Between(1, MaxLookback), defaultValue: CtaSpec.Defaults.Lookbacks);
        var volatilityLookback = fields.Int("volatilityLookback", ValueRange.Between(2, MaxLookback), defaultValue: CtaSpec.Defaults.VolatilityLookback);
        var targetVolatility = fields.Double("targetVolatility", ValueRange.Positive, defaultValue: CtaSpec.Defaults.TargetVolatility);
        var maxLeverage = ReadLeverage(fields, "maxLeverage", venue, defaultValue: CtaSpec.Defaults.MaxLeverage);
        var rebalanceThreshold = fields.Double("rebalanceThreshold", ValueRange.Fraction, defaultValue: CtaSpec.Defaults.RebalanceThreshold);
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: CtaSpec.Defaults.MaxSlippageBps);
        fields.RejectUnknownFields();
        return new CtaSpec(id, venue, instrument, capital, lookbacks, volatilityLookback, targetVolatility, maxLeverage, rebalanceThreshold, maxSlippageBps);
    }

    private LeveragedEtfSpec ReadLeveragedEtf(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var (venue, instrument) = ReadPlacement(fields);
        var aum = fields.Double("aum", ValueRange.Positive.AtMost(MaxAmount));
        var leverage = fields.Double("leverage", ValueRange.Between(-10, 10));
        if (fields.AreValid("leverage") && leverage == 0)
        {
            fields.ReportField("leverage", "must not be 0");
        }

        CheckLeverage(fields, "leverage", venue, Math.Abs(leverage));
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: LeveragedEtfSpec.Defaults.MaxSlippageBps);
        fields.RejectUnknownFields();
        return new LeveragedEtfSpec(id, venue, instrument, aum, leverage, maxSlippageBps);
    }

    private AllocatorSpec ReadAllocator(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var (venue, instrument) = ReadPlacement(fields);
        var cash = fields.Double("cash", ValueRange.Positive.AtMost(MaxAmount));
        var drawdownTrigger = fields.Double("drawdownTrigger", ValueRange.OpenFraction, defaultValue: AllocatorSpec.Defaults.DrawdownTrigger);
        var trancheShare = fields.Double("trancheShare", ValueRange.PositiveFraction, defaultValue: AllocatorSpec.Defaults.TrancheShare);
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: AllocatorSpec.Defaults.MaxSlippageBps);
        var etf = fields.OptionalString("etf");
        var etfShare = fields.Double("etfShare", ValueRange.Fraction, defaultValue: AllocatorSpec.Defaults.EtfShare);
        fields.RejectUnknownFields();
        return new AllocatorSpec(id, venue, instrument, cash, drawdownTrigger, trancheShare, maxSlippageBps) { Etf = etf, EtfShare = etfShare };
    }

    // Read after every participant list, so flows can name any participant.
    private TimelineSpec ReadEvents(MappingReader fields, HashSet<string> arbitrageurs)
    {
        var shocks = fields.Mappings("sentimentShocks", required: false).Select(shock =>
        {
            var tick = shock.Long("tick", ValueRange.NonNegative);
            var shift = shock.Double("shift", ValueRange.Between(-1, 1));
            var halfLife = shock.Double("halfLife", ValueRange.Positive, defaultValue: SentimentShockSpec.Defaults.HalfLife);
            shock.RejectUnknownFields();
            return new SentimentShockSpec(tick, shift, halfLife);
        }).ToList();

        CutProbabilitySpec? cut = null;
        if (fields.Has("cutProbability"))
        {
            var cutFields = fields.OptionalMapping("cutProbability");
            var sensitivity = cutFields.Double("sensitivity", ValueRange.Between(-10, 10), defaultValue: CutProbabilitySpec.Defaults.Sensitivity);
            var points = cutFields.Mappings("path", required: true).Select(point =>
            {
                var tick = point.Long("tick", ValueRange.NonNegative);
                var probability = point.Double("probability", ValueRange.Fraction);
                point.RejectUnknownFields();
                return new ProbabilityPoint(tick, probability);
            }).ToList();
            if (cutFields.AreValid("path") && points.Zip(points.Skip(1)).Any(p => p.Second.Tick <= p.First.Tick))
            {
                cutFields.ReportField("path", "ticks must increase from one point to the next");
            }

            cutFields.RejectUnknownFields();
            cut = new CutProbabilitySpec(sensitivity, points);
        }

        SentimentNoiseSpec? noise = null;
        if (fields.Has("sentimentNoise"))
        {
            var noiseFields = fields.OptionalMapping("sentimentNoise");
            var volatility = noiseFields.Double("volatility", ValueRange.Between(0, 1));
            var persistence = noiseFields.Double("persistence", ValueRange.Between(0, 0.9999), defaultValue: SentimentNoiseSpec.Defaults.Persistence);
            noiseFields.RejectUnknownFields();
            noise = new SentimentNoiseSpec(volatility, persistence);
        }

        var flows = fields.Mappings("flows", required: false).Select(flow =>
        {
            var participant = Reference(flow, "participant", _participants);
            if (arbitrageurs.Contains(participant))
            {
                // It would be accepted and then silently ignored: an arbitrageur trades only the gap between venues.
                flow.ReportField("participant", $"arbitrageur '{participant}' takes no flows; name an ETF, allocator, fund, value fund, CTA, leveraged ETF or market maker");
            }

            var startTick = flow.Long("startTick", ValueRange.NonNegative, defaultValue: FlowSpec.Defaults.StartTick);
            var everyTicks = flow.Int("everyTicks", ValueRange.Positive, defaultValue: FlowSpec.Defaults.EveryTicks);
            var count = flow.Int("count", ValueRange.Positive, defaultValue: FlowSpec.Defaults.Count);
            var amount = flow.Double("amount", ValueRange.Between(-MaxAmount, MaxAmount));
            flow.RejectUnknownFields();
            return new FlowSpec(participant, startTick, everyTicks, count, amount);
        }).ToList();

        fields.RejectUnknownFields();
        return new TimelineSpec(shocks, cut, flows) { Noise = noise };
    }

    private EtfSpec ReadEtf(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var shares = Reference(fields, "shares", _instruments);
        var underlying = Reference(fields, "underlying", _instruments);
        if (fields.AreValid("shares", "underlying") && shares == underlying)
        {
            fields.ReportField("underlying", "must differ from shares");
        }

        var shareVenue = ListingVenue(fields, "shareVenue", "shares", shares);
        var underlyingVenue = ListingVenue(fields, "underlyingVenue", "underlying", underlying);
        var unitsPerShare = fields.Double("unitsPerShare", ValueRange.Positive);
        var sharesOutstanding = fields.Double("sharesOutstanding", ValueRange.Positive);
        var investorCash = fields.Double("investorCash", ValueRange.NonNegative, defaultValue: EtfSpec.Defaults.InvestorCash);
        var apCash = fields.Double("apCash", ValueRange.NonNegative);
        var apShares = fields.Double("apShares", ValueRange.NonNegative);
        var apUnits = fields.Double("apUnits", ValueRange.NonNegative);
        var thresholdBps = fields.Double("thresholdBps", ValueRange.NonNegative, defaultValue: EtfSpec.Defaults.ThresholdBps);
        var maxCreation = fields.Double("maxCreation", ValueRange.Positive);
        var maxSlippageBps = fields.Double("maxSlippageBps", ValueRange.NonNegative, defaultValue: EtfSpec.Defaults.MaxSlippageBps);
        var navOnMid = fields.Bool("navOnMid", defaultValue: false);
        fields.RejectUnknownFields();
        return new EtfSpec(id, shares, underlying, shareVenue, underlyingVenue, unitsPerShare, sharesOutstanding, investorCash, apCash, apShares, apUnits, thresholdBps, maxCreation, maxSlippageBps)
        {
            NavOnMid = navOnMid,
        };
    }

    /// <summary>A venue reference that must list the instrument named by another field.</summary>
    private string ListingVenue(MappingReader fields, string key, string instrumentKey, string instrument)
    {
        var venue = Reference(fields, key, _venues);
        if (fields.AreValid(key, instrumentKey) && _validVenues.TryGetValue(venue, out var spec) && !spec.Instruments.Contains(instrument, StringComparer.Ordinal))
        {
            fields.ReportField(key, $"venue '{venue}' does not list instrument '{instrument}'");
        }

        return venue;
    }

    private ArbitrageurSpec ReadArbitrageur(MappingReader fields)
    {
        var id = DeclareId(fields, _participants);
        var instrument = Reference(fields, "instrument", _instruments);
        var venues = fields.Strings("venues");
        if (fields.AreValid("venues"))
        {
            if (venues.Count != 2 || venues[0] == venues[1])
            {
                fields.ReportField("venues", $"must name two different venues, got {venues.Count}");
            }

            for (var i = 0; i < venues.Count; i++)
            {
                if (_venues.ProblemWith(venues[i]) is { } problem)
                {
                    fields.ReportItem("venues", i, problem);
                }
                else if (fields.AreValid("instrument") && _validVenues.TryGetValue(venues[i], out var spec) && !spec.Instruments.Contains(instrument, StringComparer.Ordinal))
                {
                    fields.ReportItem("venues", i, $"venue '{venues[i]}' does not list instrument '{instrument}'");
                }
            }
        }

        var cash = fields.Double("cash", ValueRange.NonNegative.AtMost(MaxAmount));
        var inventory = fields.Double("inventory", ValueRange.NonNegative.AtMost(MaxAmount));
        var thresholdBps = fields.Double("thresholdBps", ValueRange.NonNegative, defaultValue: ArbitrageurSpec.Defaults.ThresholdBps);
        var tradeSize = fields.Double("tradeSize", ValueRange.Positive);
        var transferDelay = fields.Int("transferDelay", ValueRange.Between(0, MaxTicks), defaultValue: ArbitrageurSpec.Defaults.TransferDelay);
        fields.RejectUnknownFields();
        return new ArbitrageurSpec(id, instrument, venues, cash, inventory, thresholdBps, tradeSize, transferDelay);
    }

    private double ReadLeverage(MappingReader fields, string key, string venue, double defaultValue)
    {
        var leverage = fields.Double(key, ValueRange.Positive, defaultValue);
        CheckLeverage(fields, key, venue, leverage);
        return leverage;
    }

    /// <summary>No participant may plan more leverage than its venue's initial margin allows.</summary>
    private void CheckLeverage(MappingReader fields, string key, string venue, double leverage)
    {
        if (fields.AreValid("venue", key) && _validVenues.TryGetValue(venue, out var spec) && leverage > 1 / spec.InitialMargin)
        {
            fields.ReportField(key, Invariant($"must be <= {1 / spec.InitialMargin:0.##########} (1 / initialMargin of venue '{venue}'), got {leverage}"));
        }
    }

    /// <summary>Reads the venue and instrument an agent trades, and checks that the venue lists the instrument.</summary>
    private (string Venue, string Instrument) ReadPlacement(MappingReader fields)
    {
        var venue = Reference(fields, "venue", _venues);
        var instrument = Reference(fields, "instrument", _instruments);
        if (fields.AreValid("venue", "instrument")
            && _validVenues.TryGetValue(venue, out var spec)
            && !spec.Instruments.Contains(instrument, StringComparer.Ordinal))
        {
            fields.ReportField("instrument", $"venue '{venue}' does not list instrument '{instrument}'");
        }

        return (venue, instrument);
    }

    private static string DeclareId(MappingReader fields, IdRegistry registry)
    {
        var id = fields.String("id");
        if (!fields.AreValid("id"))
        {
            registry.MarkIncomplete();
        }
        else if (registry.Declare(id, fields.Path) is { } earlier)
        {
            fields.ReportField("id", $"duplicate id '{id}'; {earlier} already has it");
        }

        return id;
    }

    /// <summary>An id that must be declared in <paramref name="registry"/>; with a <paramref name="defaultValue"/> (already checked) it may be left out.</summary>
    private static string Reference(MappingReader fields, string key, IdRegistry registry, string? defaultValue = null)
    {
        var id = fields.String(key, defaultValue);
        if (fields.Has(key) && fields.AreValid(key) && registry.ProblemWith(id) is { } problem)
        {
            fields.ReportField(key, problem);
        }

        return id;
    }
}
