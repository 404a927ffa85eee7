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
        Send(replies, 0, 1, 2);
        var recovery = new RunRecovery(3, 0, RecoveredBy.Coordinator, "silo lost", null);
        replies.StartReply();
        replies.Add(recovery);
        replies.TakeRecoveries();

        Assert.True(replies.CanResendFrom(1));
        replies.ResendFrom(1);
        var rows = replies.StartReply();

        Assert.Equal([1L, 2L], rows.Select(r => r.Tick));
        Assert.Equal([recovery], replies.TakeRecoveries());
    }

    [Fact]
    public void A_reply_the_caller_confirmed_by_calling_again_is_not_repeated()
    {
        var replies = new UnconfirmedReplies();
        replies.StartReply();
        replies.Add(new RunRecovery(3, 0, RecoveredBy.Coordinator, "silo lost", null));
        Assert.Single(replies.TakeRecoveries());

        var rows = replies.StartReply();

        Assert.Empty(rows);
        Assert.Empty(replies.TakeRecoveries());
    }

    [Fact]
    public void Rows_before_the_previous_checkpoint_cannot_be_sent_again()
    {
        var replies = new UnconfirmedReplies();
        Send(replies, 0, 1, 2, 3);

        replies.ForgetBefore(2);

        Assert.False(replies.CanResendFrom(1));
        Assert.True(replies.CanResendFrom(2));
    }

    [Fact]
    public void Rows_a_restore_rolls_back_are_replaced_by_the_replay()
    {
        var replies = new UnconfirmedReplies();
        Send(replies, 0, 1, 2, 3);
        replies.ForgetFrom(2);
        Send(replies, 2);

        replies.ResendFrom(0);

        Assert.Equal([0L, 1L, 2L], replies.StartReply().Select(r => r.Tick));
    }

    private static void Send(UnconfirmedReplies replies, params long[] ticks)
    {
        foreach (var tick in ticks)
        {
            replies.Add(new TickRecord(tick, [], [], [], new ConservationCheck(0, 0, [], [])));
        }
    }
}
