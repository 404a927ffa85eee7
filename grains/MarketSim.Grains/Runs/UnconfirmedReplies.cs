using MarketSim.Engine.Traces;

namespace MarketSim.Grains.Runs;

/// <summary>
/// What the coordinator's caller may not have received: the rows since the previous committed
/// checkpoint and the recoveries of the last reply. A reply is lost with the caller's gateway while
/// the coordinator lives on; the caller then calls <c>Resume</c>, and the next reply carries the
/// rows from the tick it asks for and those recoveries again. A caller that simply calls Advance
/// again has the last reply.
/// </summary>
internal sealed class UnconfirmedReplies
{
    private readonly List<TickRecord> _rows = [];
    private readonly List<RunRecovery> _unsent = [];
    private readonly List<RunRecovery> _inLastReply = [];
    private long? _resendFrom;

    public void Add(TickRecord row) => _rows.Add(row);

    public void Add(RunRecovery recovery) => _unsent.Add(recovery);

    /// <summary>A checkpoint older than <paramref name="tick"/> is gone: its rows can no longer be asked for.</summary>
    public void ForgetBefore(long tick) => _rows.RemoveAll(r => r.Tick < tick);

    /// <summary>The run was restored to <paramref name="tick"/>: the replay adds these rows again.</summary>
    public void ForgetFrom(long tick) => _rows.RemoveAll(r => r.Tick >= tick);

    /// <summary>Whether the rows from <paramref name="nextTick"/> on are all still here.</summary>
    public bool CanResendFrom(long nextTick) => _rows.Count > 0 && _rows[0].Tick <= nextTick;

    /// <summary>The caller lost the last reply and has the rows before <paramref name="nextTick"/>.</summary>
    public void ResendFrom(long nextTick)
    {
        _resendFrom = nextTick;
        _unsent.InsertRange(0, _inLastReply);
        _inLastReply.Clear();
    }

    /// <summary>Starts a reply: the caller has the last one, unless it asked for a resend; returns the rows to send again.</summary>
    public List<TickRecord> StartReply()
    {
        _inLastReply.Clear();
        var rows = new List<TickRecord>();
        if (_resendFrom is { } from)
        {
            rows.AddRange(_rows.Where(r => r.Tick >= from));
            _resendFrom = null;
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
