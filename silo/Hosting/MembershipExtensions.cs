using MarketSim.Silo.Configuration;
using Orleans.Configuration;

namespace MarketSim.Silo.Hosting;

public static class MembershipExtensions
{
    public const string MembershipPath = "Orleans:Membership";

    /// <summary>
    /// Applies any <see cref="ClusterMembershipOptions"/> property set under
    /// <c>Orleans:Membership</c>, e.g. <c>Orleans:Membership:ProbeTimeout=00:00:01</c> and
    /// <c>Orleans:Membership:NumMissedProbesLimit=2</c>, so tests can have a lost silo declared dead
    /// in seconds rather than the production default of about a minute. Unset properties keep the
    /// Orleans defaults.
    /// </summary>
    /// <exception cref="InvalidSettingException">A key names no such property, or its value does not convert.</exception>
    public static ISiloBuilder AddMarketSimMembership(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Read once now so that a wrong key or value stops the host being built; Orleans binds the same section later.
        configuration.Read<ClusterMembershipOptions>(MembershipPath);
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipPath));
        return silo;
    }
}
