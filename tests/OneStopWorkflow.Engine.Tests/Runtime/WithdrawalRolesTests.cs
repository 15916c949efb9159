using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Who may record the applicant's withdrawal: the receiving unit's clerk and leader unless the procedure names other
/// roles there (<c>withdrawal.by</c>); nobody of another unit, whatever their role.
/// </summary>
public sealed class WithdrawalRolesTests
{
    private const string Now = "2026-03-03T09:00:00+07:00";

    private static readonly Actor LeaderLeChan = new("leader.lechan", [new Membership("HP.LECHAN", "leader")]);

    private static readonly Actor LandOfficerLeChan =
        new("land.lechan", [new Membership("HP.LECHAN", "land-officer")]);

    [Fact]
    public void Without_a_list_the_receiving_units_clerk_and_leader_may_withdraw_and_its_land_officer_may_not()
    {
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        Assert.Equal(["clerk", "leader"], Procedure.WithdrawalRoles);
        Assert.True(Withdrawn(Procedure, state, Clerk).IsFinished);
        Assert.True(Withdrawn(Procedure, state, LeaderLeChan).IsFinished);
        Assert.True(Workflow.Offers(Context(Now), state, LeaderLeChan).Withdraw);
        Assert.False(Workflow.Offers(Context(Now), state, LandOfficerLeChan).Withdraw);
        Assert.Equal(RejectionCodes.NotAuthorized, Refusal(Procedure, state, LandOfficerLeChan).Code);
    }

    [Fact]
    public void A_role_the_procedure_names_may_withdraw_at_the_receiving_unit()
    {
        var procedure = Load("""{ "documents": ["stop-notice"], "by": ["clerk", "leader", "land-officer"] }""");
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        Assert.True(Workflow.Offers(Context(Now, procedure), state, LandOfficerLeChan).Withdraw);
        var withdrawn = Withdrawn(procedure, state, LandOfficerLeChan);
        Assert.Equal(Outcome.Withdrawn, withdrawn.Outcome);
        // The land officer of the registration office works a step of the case but is not of the receiving unit.
        Assert.False(Workflow.Offers(Context(Now, procedure), state, Officer).Withdraw);
        Assert.Equal(RejectionCodes.NotAuthorized, Refusal(procedure, state, Officer).Code);
    }

    [Fact]
    public void A_procedure_naming_only_the_leader_refuses_the_clerk()
    {
        var procedure = Load("""{ "documents": ["stop-notice"], "by": ["leader"] }""");
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        Assert.False(Workflow.Offers(Context(Now, procedure), state, Clerk).Withdraw);
        Assert.Equal(RejectionCodes.NotAuthorized, Refusal(procedure, state, Clerk).Code);
        Assert.True(Withdrawn(procedure, state, LeaderLeChan).IsFinished);
    }

    [Fact]
    public void Another_communes_clerk_is_refused_even_when_the_procedure_names_the_clerk()
    {
        var procedure = Load("""{ "documents": ["stop-notice"], "by": ["clerk", "land-officer"] }""");
        var (state, _) = Received("2026-03-02T09:00:00+07:00");

        Assert.False(Workflow.Offers(Context(Now, procedure), state, OtherClerk).Withdraw);
        var refusal = Refusal(procedure, state, OtherClerk);
        Assert.Equal(RejectionCodes.NotAuthorized, refusal.Code);
        Assert.Equal("withdraw", refusal.Variant);
    }

    [Fact]
    public void The_named_roles_are_written_back_and_the_default_is_not()
    {
        var procedure = Load("""{ "documents": ["stop-notice"], "by": ["leader", "land-officer"] }""");

        var canonical = ProcedureJsonWriter.Canonical(procedure);
        Assert.Contains("\"by\":[\"leader\",\"land-officer\"]", canonical, StringComparison.Ordinal);
        Assert.Equal(["leader", "land-officer"], Reload(canonical).WithdrawalRoles);
        Assert.DoesNotContain("\"by\"", ProcedureJsonWriter.Canonical(Procedure), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_an_error_because_nobody_could_withdraw()
    {
        var result = ProcedureLoader.Load(Source("""{ "documents": ["stop-notice"], "by": [] }"""),
            Catalog.Context(new DateOnly(2026, 6, 1)));

        Assert.Null(result.Procedure);
        Assert.Contains(result.Diagnostics, d => d.Code == "OSW1004" && d.Message.Contains("withdrawal.by",
            StringComparison.Ordinal));
    }

    private static CaseState Withdrawn(ProcedureDefinition procedure, CaseState state, Actor actor)
    {
        var decision = Workflow.Decide(Context(Now, procedure), state, new WithdrawCommand(actor, "Người nộp rút"));
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return decision.State!;
    }

    private static Rejection Refusal(ProcedureDefinition procedure, CaseState state, Actor actor)
    {
        var decision = Workflow.Decide(Context(Now, procedure), state, new WithdrawCommand(actor, "Người nộp rút"));
        Assert.True(decision.IsRejected);
        return decision.Rejections.Single();
    }

    /// <summary>land-use-transfer v1 with its <c>withdrawal</c> replaced.</summary>
    private static ProcedureDefinition Load(string withdrawal)
    {
        var result = ProcedureLoader.Load(Source(withdrawal), Catalog.Context(new DateOnly(2026, 6, 1)));
        Assert.True(result.Procedure is not null, string.Join("\n", result.Diagnostics));
        return result.Procedure;
    }

    private static ProcedureDefinition Reload(string canonical)
    {
        var source = Original() with { Json = canonical };
        return ProcedureLoader.Load(source, Catalog.Context(new DateOnly(2026, 6, 1))).Procedure!;
    }

    private static ProcedureSource Source(string withdrawal)
    {
        var original = Original();
        const string Shipped = "\"withdrawal\": { \"documents\": [\"stop-notice\"] }";
        Assert.Contains(Shipped, original.Json, StringComparison.Ordinal);
        return original with { Json = original.Json.Replace(Shipped, $"\"withdrawal\": {withdrawal}",
            StringComparison.Ordinal) };
    }

    private static ProcedureSource Original() => Catalog.ReadVersion(
        Repository.PathOf("procedures", "land-use-transfer", "v1"), "land-use-transfer/v1/procedure.json");
}
