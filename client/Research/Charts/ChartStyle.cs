using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// What every chart shares: size, font, colours, axis formats, and how it is saved. One place, so
/// the charts of a run look like one set.
/// </summary>
internal static class ChartStyle
{
    /// <summary>Pixels: wide enough for a few hundred ticks as distinct bars, readable on a laptop screen.</summary>
    public const int Width = 1200;
    public const int Height = 700;

    public static readonly Color Price = Colors.Black;
    public static readonly Color PriceRange = Colors.SteelBlue.WithAlpha(0.3);
    public static readonly Color StopLoss = Colors.DarkOrange.WithAlpha(0.75);
    public static readonly Color MarginLiquidation = Colors.Crimson.WithAlpha(0.75);
    public static readonly Color Volume = Colors.SlateGray.WithAlpha(0.6);
    public static readonly Color BidDepth = Colors.SeaGreen;
    public static readonly Color AskDepth = Colors.FireBrick;
    public static readonly Color Cascade = Colors.DarkRed;
    public static readonly Color Retail = Colors.DodgerBlue;
    public static readonly Color Institutional = Colors.DarkGoldenRod;
    public static readonly Color Resonance = Colors.MediumPurple.WithAlpha(0.18);

    /// <summary>Colours for series that have no meaning of their own, such as participant classes.</summary>
    public static IPalette Palette { get; } = new ScottPlot.Palettes.Category10();

    /// <summary>
    /// A sans-serif family that is installed: ScottPlot's default may not be on a Linux server, and its
    /// fallback is a serif that reads poorly at chart sizes.
    /// </summary>
    private static readonly string FontName =
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }.FirstOrDefault(IsInstalled) ?? Fonts.Default;

    /// <summary>A plot with the title and axis labels set and the house style applied.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Font.Set(FontName);
        plot.Axes.Left.TickGenerator = Thousands();
        plot.Axes.Right.TickGenerator = Thousands();
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>Puts <paramref name="plottable"/> on the right-hand axis, labelled <paramref name="label"/>.</summary>
    public static void OnRightAxis(Plot plot, IPlottable plottable, string label)
    {
        plottable.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = label;
        plot.Axes.Right.Label.FontSize = 15;
        plot.Axes.Right.Label.FontName = FontName;
    }

    /// <summary>
    /// Writes the chart as a PNG under a temporary name and renames it into place, so a viewer never
    /// opens a half-written image.
    /// </summary>
    public static async Task SaveAsync(Plot plot, string path, CancellationToken ct)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.tmp");
        await File.WriteAllBytesAsync(temporary, plot.GetImageBytes(Width, Height, ImageFormat.Png), ct);
        File.Move(temporary, path, overwrite: true);
    }

    // Skia falls back to another family rather than failing, so compare the family it found.
    private static bool IsInstalled(string family) => Fonts.GetTypeface(family, bold: false, italic: false)?.FamilyName == family;

    /// <summary>Tick labels with thousands separators: 100,500 rather than 100500.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic Thousands() => new() { LabelFormatter = value => value.ToString("#,0.##") };
}
