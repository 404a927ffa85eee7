using MarketSim.Engine.Traces;

namespace MarketSim.Grains.Runs;

/// <summary>
/// What the coordinator's caller may not have received: the rows and recoveries of the last reply
/// and of the one being made. A reply is lost with the caller's gateway while the coordinator lives
/// on; the caller then calls <c>Resume</c>, and the next reply carries the rows from the tick it asks
/// for and those recoveries again. A caller that calls Advance again has the last reply, so nothing
/// older is kept: the buffer holds at most two replies' rows, however long the run and whether or
/// not it checkpoints.
/// </summary>
internal sealed class UnconfirmedReplies
{
    private readonly List<TickRecord> _rows = [];
    private readonly List<RunRecovery> _unsent = [];
    private readonly List<RunRecovery> _inLastReply = [];
    private long _firstUnconfirmed;
    private long? _resendFrom;

    public void Add(TickRecord row) => _rows.Add(row);

    public void Add(RunRecovery recovery) => _unsent.Add(recovery);

    /// <summary>The run was restored to <paramref name="tick"/>: the replay adds these rows again.</summary>
    public void ForgetFrom(long tick)
    {
        _rows.RemoveAll(r => r.Tick >= tick);
        _firstUnconfirmed = Math.Min(_firstUnconfirmed, tick);
    }

    /// <summary>Whether the rows from <paramref name="nextTick"/> on are all still here.</summary>
    public bool CanResendFrom(long nextTick) => nextTick >= _firstUnconfirmed;

    /// <summary>The caller lost the last reply and has the rows before <paramref name="nextTick"/>.</summary>
    public void ResendFrom(long nextTick)
    {
        _resendFrom = nextTick;
        ResendRecoveries();
    }

    /// <summary>
    /// The caller lost the last reply, and the run restores from a checkpoint rather than resending rows: the
    /// recoveries that reply carried go out again, or the run's record of them would be lost with it.
    /// </summary>
    public void ResendRecoveries()
    {
        _unsent.InsertRange(0, _inLastReply);
        _inLastReply.Clear();
    }

    /// <summary>
    /// Starts a reply whose new rows begin at <paramref name="nextTick"/>: the caller has the last
    /// reply, unless it asked for a resend; returns the rows to send again.
    /// </summary>
    public List<TickRecord> StartReply(long nextTick)
    {
        _inLastReply.Clear();
        var rows = new List<TickRecord>();
        if (_resendFrom is { } from)
        {
            rows.AddRange(_rows.Where(r => r.Tick >= from));
            _resendFrom = null;
            _rows.RemoveAll(r => r.Tick < from);
            _firstUnconfirmed = from;
        }
        else
        {
            _rows.Clear();
            _firstUnconfirmed = nextTick;
        }

        return rows;
    }

    /// <summary>The recoveries the reply being sent carries.</summary>
    public RunRecovery[] TakeRecoveries()
    {
        var recoveries = _unsent.ToArray();
        _inLastReply.AddRange(recoveries);
        _unsent.Clear();
        return recoveries;
    }
}
