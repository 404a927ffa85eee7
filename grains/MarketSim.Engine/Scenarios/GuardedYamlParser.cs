using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MarketSim.Engine.Scenarios;

/// <summary>
/// YamlDotNet's parser, refusing with a <see cref="YamlException"/> the inputs its recursive document loader
/// cannot survive: nesting deep enough to overflow the stack, and an alias inside the node it names (a cycle,
/// which overflows node hashing). A scenario is a few levels deep, so the depth limit costs nothing real.
/// </summary>
internal sealed class GuardedYamlParser(TextReader input) : IParser
{
    private const int MaxDepth = 32;

    private readonly Parser _parser = new(input);

    // The anchors of the collections currently open, innermost last; empty names for unanchored ones.
    private readonly Stack<AnchorName> _open = new();

    public ParsingEvent? Current => _parser.Current;

    /// <summary>
    /// Where the last well-formed event ended: the best position there is when YamlDotNet fails without one.
    /// </summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!_parser.MoveNext())
        {
            return false;
        }

        if (_parser.Current is { } current)
        {
            Check(current);
            LastGood = current.End;
        }

        return true;
    }

    private void Check(ParsingEvent current)
    {
        switch (current)
        {
            case MappingStart or SequenceStart when _open.Count == MaxDepth:
                throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
            case MappingStart mapping:
                _open.Push(mapping.Anchor);
                break;
            case SequenceStart sequence:
                _open.Push(sequence.Anchor);
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                break;
            case AnchorAlias alias when _open.Contains(alias.Value):
                throw new YamlException(current.Start, current.End, $"alias *{alias.Value} is inside the node it refers to");
        }
    }
}
