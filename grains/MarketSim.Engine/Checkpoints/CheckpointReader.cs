namespace MarketSim.Engine.Checkpoints;

/// <summary>
/// Reads what a <see cref="CheckpointWriter"/> wrote, in the same order. Any mismatch — another
/// format version, a section that is not the one expected, an array of another length, bytes left
/// over, too few bytes — is a <see cref="CheckpointMismatchException"/>: a checkpoint restores exactly or not at all.
/// </summary>
public sealed class CheckpointReader : IDisposable
{
    private readonly BinaryReader _reader;

    public CheckpointReader(byte[] bytes)
    {
        _reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        try
        {
            if (_reader.ReadInt32() != CheckpointWriter.MagicNumber)
            {
                throw new CheckpointMismatchException("not a MarketSim checkpoint");
            }

            var version = _reader.ReadInt32();
            if (version != CheckpointWriter.FormatVersion)
            {
                throw new CheckpointMismatchException($"checkpoint format {version}, this build reads {CheckpointWriter.FormatVersion}");
            }
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointMismatchException("checkpoint is truncated");
        }
    }

    /// <summary>Expects the start of the section <paramref name="name"/>.</summary>
    public void Section(string name)
    {
        var found = _reader.ReadString();
        if (found != name)
        {
            throw new CheckpointMismatchException($"expected the state of {name}, found {found}");
        }
    }

    public long ReadLong() => _reader.ReadInt64();

    public int ReadInt() => _reader.ReadInt32();

    public bool ReadBool() => _reader.ReadBoolean();

    public byte ReadByte() => _reader.ReadByte();

    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadLong());

    public long[] ReadLongs()
    {
        var values = new long[ReadLength()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadLong();
        }

        return values;
    }

    public int[] ReadInts()
    {
        var values = new int[ReadLength()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadInt();
        }

        return values;
    }

    public byte[] ReadBytes()
    {
        var length = ReadLength();
        var values = _reader.ReadBytes(length);
        return values.Length == length ? values : throw new CheckpointMismatchException("checkpoint is truncated");
    }

    public double[] ReadDoubles()
    {
        var values = new double[ReadLength()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadDouble();
        }

        return values;
    }

    /// <summary>Reads an array into <paramref name="target"/>, which must have the length that was written.</summary>
    public void ReadInto(Span<long> target, string what) => CopyExact(ReadLongs(), target, what);

    /// <summary>Reads an array into <paramref name="target"/>, which must have the length that was written.</summary>
    public void ReadInto(Span<byte> target, string what) => CopyExact(ReadBytes(), target, what);

    /// <summary>Restores <paramref name="item"/> (nested state) from its section.</summary>
    public void Read(ICheckpointable item) => item.Restore(this);

    /// <summary>Throws unless every byte has been read.</summary>
    public void End()
    {
        if (_reader.BaseStream.Position != _reader.BaseStream.Length)
        {
            throw new CheckpointMismatchException($"{_reader.BaseStream.Length - _reader.BaseStream.Position} bytes left after the last section");
        }
    }

    /// <summary>Restores <paramref name="item"/> from <paramref name="bytes"/>, which must hold its state and nothing else.</summary>
    public static void Apply(byte[] bytes, ICheckpointable item)
    {
        using var reader = new CheckpointReader(bytes);
        try
        {
            item.Restore(reader);
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointMismatchException($"checkpoint of {item.GetType().Name} is truncated");
        }

        reader.End();
    }

    public void Dispose() => _reader.Dispose();

    private int ReadLength()
    {
        var length = ReadInt();
        return length >= 0 && length <= _reader.BaseStream.Length - _reader.BaseStream.Position
            ? length
            : throw new CheckpointMismatchException($"bad array length {length}");
    }

    private static void CopyExact<T>(T[] values, Span<T> target, string what)
    {
        if (values.Length != target.Length)
        {
            throw new CheckpointMismatchException($"{what}: checkpoint has {values.Length} values, this layout {target.Length}");
        }

        values.CopyTo(target);
    }
}
