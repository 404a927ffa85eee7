namespace MarketSim.Engine.Checkpoints;

/// <summary>
/// Writes Engine state as little-endian binary: a header with the format version, then whatever
/// the objects write, arrays length-prefixed. Each object starts with a <see cref="Section"/> tag so
/// a reader that gets out of step fails at once, naming the object, instead of restoring garbage.
/// Doubles are written as their bits, so a restored value is the same value.
/// </summary>
public sealed class CheckpointWriter : IDisposable
{
    /// <summary>Raised whenever the layout of what is written changes; a reader refuses any other version.</summary>
    public const int FormatVersion = 4;

    private const int Magic = 0x4B43534D; // "MSCK"

    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public CheckpointWriter()
    {
        _writer = new BinaryWriter(_stream);
        _writer.Write(Magic);
        _writer.Write(FormatVersion);
    }

    internal static int MagicNumber => Magic;

    /// <summary>Marks the start of one object's state.</summary>
    public void Section(string name) => _writer.Write(name);

    public void Write(long value) => _writer.Write(value);

    public void Write(int value) => _writer.Write(value);

    public void Write(bool value) => _writer.Write(value);

    public void Write(byte value) => _writer.Write(value);

    public void Write(double value) => _writer.Write(BitConverter.DoubleToInt64Bits(value));

    public void Write(ReadOnlySpan<long> values)
    {
        _writer.Write(values.Length);
        foreach (var value in values)
        {
            _writer.Write(value);
        }
    }

    public void Write(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        foreach (var value in values)
        {
            _writer.Write(value);
        }
    }

    public void Write(ReadOnlySpan<byte> values)
    {
        _writer.Write(values.Length);
        _writer.Write(values);
    }

    public void Write(IReadOnlyCollection<double> values)
    {
        _writer.Write(values.Count);
        foreach (var value in values)
        {
            Write(value);
        }
    }

    /// <summary>Writes <paramref name="item"/> (nested state) in a section of its own.</summary>
    public void Write(ICheckpointable item) => item.Save(this);

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }

    /// <summary>Saves <paramref name="item"/> alone and returns its bytes.</summary>
    public static byte[] Capture(ICheckpointable item)
    {
        using var writer = new CheckpointWriter();
        item.Save(writer);
        return writer.ToArray();
    }

    public void Dispose() => _writer.Dispose();
}
