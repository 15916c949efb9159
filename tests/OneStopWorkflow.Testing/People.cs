using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Testing;

/// <summary>The people of the sample scenarios, by the units and roles of procedures/units/hai-phong.json.</summary>
public static class People
{
    public static readonly Actor ClerkLeChan = new("clerk.lechan", [new Membership("HP.LECHAN", "clerk")]);
    public static readonly Actor ClerkHongAn = new("clerk.hongan", [new Membership("HP.HONGAN", "clerk")]);
    public static readonly Actor OfficerCn1 = new("officer.cn1", [new Membership("HP.VPDKDD.CN1", "land-officer")]);
    public static readonly Actor OfficerCn2 = new("officer.cn2", [new Membership("HP.VPDKDD.CN2", "land-officer")]);
    public static readonly Actor LeaderCn1 = new("leader.cn1", [new Membership("HP.VPDKDD.CN1", "leader")]);
    public static readonly Actor Auditor = new("auditor.hp", [new Membership("HP", "auditor")]);
    public static readonly Actor Policy = new("policy.hp", [new Membership("HP", "policy")]);
    public static readonly Actor Anonymous = new("anonymous", []);
}
