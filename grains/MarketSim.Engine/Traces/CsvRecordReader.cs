using System.Text;

namespace MarketSim.Engine.Traces;

/// <summary>
/// Splits RFC 4180 text into records of fields: fields separated by <c>,</c>, records by <c>\n</c> or
/// <c>\r\n</c>, a field in double quotes may hold separators, line breaks and doubled quotes. Reads
/// what <see cref="CsvTableFile"/> writes, and what spreadsheets save.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _nextLine = 1;

    /// <summary>Line of the record last read, from 1; a quoted line break makes a record span lines.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the text.</summary>
    public bool TryRead(List<string> fields)
    {
        fields.Clear();
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }

        Line = _nextLine;
        _field.Clear();
        var inQuotes = false;
        while (true)
        {
            if (inQuotes)
            {
                switch (c)
                {
                    case < 0:
                        throw new InvalidDataException($"line {Line}: a quoted field is not closed");
                    case '"' when reader.Peek() == '"':
                        reader.Read();
                        _field.Append('"');
                        break;
                    case '"':
                        inQuotes = false;
                        break;
                    default:
                        _nextLine += c == '\n' ? 1 : 0;
                        _field.Append((char)c);
                        break;
                }
            }
            else
            {
                switch (c)
                {
                    case < 0:
                        fields.Add(_field.ToString());
                        return true;
                    case '\n':
                        _nextLine++;
                        fields.Add(_field.ToString());
                        return true;
                    case '\r' when reader.Peek() == '\n':
                        break;
                    case ',':
                        fields.Add(_field.ToString());
                        _field.Clear();
                        break;
                    case '"' when _field.Length == 0:
                        inQuotes = true;
                        break;
                    default:
                        _field.Append((char)c);
                        break;
                }
            }

            c = reader.Read();
        }
    }
}
