using MarketSim.Engine.Traces;
using MarketSim.Grains.Runs;

namespace MarketSim.Grains.Tests;

/// <summary>
/// What a coordinator sends again when its caller lost a reply. The end-to-end recovery test once
/// finished with the right trace but no recovery in its manifest: the silo it killed carried the
/// client's gateway, so the reply that reported the coordinator's recovery was lost, and only its
/// rows were sent again.
/// </summary>
public sealed class UnconfirmedRepliesTests
{
    [Fact]
    public void A_lost_reply_is_sent_again_with_its_recoveries()
    {
        var replies = new UnconfirmedReplies();
        replies.StartReply(0);
        Send(replies, 0, 1, 2);
        var recovery = new RunRecovery(3, 0, RecoveredBy.Coordinator, "silo lost", null);
        replies.Add(recovery);
        replies.TakeRecoveries();

        Assert.True(replies.CanResendFrom(1));
        replies.ResendFrom(1);
        var rows = replies.StartReply(3);

        Assert.Equal([1L, 2L], rows.Select(r => r.Tick));
        Assert.Equal([recovery], replies.TakeRecoveries());
    }

    [Fact]
    public void A_lost_reply_s_recoveries_are_sent_again_when_the_run_restores_instead_of_resending()
    {
        // The caller asks for rows from tick 1, which the coordinator no longer holds: it restores from a checkpoint.
        var replies = new UnconfirmedReplies();
        replies.StartReply(0);
        Send(replies, 0, 1, 2, 3);
        replies.StartReply(4);
        var recovery = new RunRecovery(5, 4, RecoveredBy.Coordinator, "silo lost", null);
        replies.Add(recovery);
        replies.TakeRecoveries();
        Assert.False(replies.CanResendFrom(1));

        replies.ResendRecoveries();
        replies.ForgetFrom(0);
        replies.StartReply(0);

        Assert.Equal([recovery], replies.TakeRecoveries());
    }

    [Fact]
    public void A_reply_the_caller_confirmed_by_calling_again_is_not_repeated()
    {
        var replies = new UnconfirmedReplies();
        replies.StartReply(0);
        Send(replies, 0, 1, 2);
        replies.Add(new RunRecovery(3, 0, RecoveredBy.Coordinator, "silo lost", null));
        Assert.Single(replies.TakeRecoveries());

        var rows = replies.StartReply(3);

        Assert.Empty(rows);
        Assert.Empty(replies.TakeRecoveries());
    }

    [Fact]
    public void Rows_the_caller_confirmed_by_calling_again_are_not_kept()
    {
        var replies = new UnconfirmedReplies();
        replies.StartReply(0);
        Send(replies, 0, 1, 2, 3);

        replies.StartReply(4);
        Send(replies, 4);

        Assert.False(replies.CanResendFrom(3));
        Assert.True(replies.CanResendFrom(4));
        replies.ResendFrom(4);
        Assert.Equal([4L], replies.StartReply(5).Select(r => r.Tick));
    }

    [Fact]
    public void Rows_a_restore_rolls_back_are_replaced_by_the_replay()
    {
        var replies = new UnconfirmedReplies();
        replies.StartReply(0);
        Send(replies, 0, 1, 2, 3);
        replies.ForgetFrom(2);
        Send(replies, 2);

        replies.ResendFrom(1);

        Assert.Equal([1L, 2L], replies.StartReply(3).Select(r => r.Tick));
    }

    private static void Send(UnconfirmedReplies replies, params long[] ticks)
    {
        foreach (var tick in ticks)
        {
            replies.Add(new TickRecord(tick, [], [], [], new ConservationCheck(0, 0, [], [])));
        }
    }
}
