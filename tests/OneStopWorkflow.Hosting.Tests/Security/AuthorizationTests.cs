using System.Globalization;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Audit;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Inbox;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Security;

/// <summary>Authorization is enforced by the handlers themselves, whatever front end calls them.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private CaseView _case = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite),
            DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture));
        _case = await _app.ReceiveLandTransferAsync();
        _app.Clock.Advance(TimeSpan.FromHours(1));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ICaseRequest[] EveryCommand() =>
    [
        new ActOnCase(_case.Id, "send-to-tax"), new ResubmitCase(_case.Id), new HandUpCase(_case.Id, "parent", "lý do"),
        new ReassignCase(_case.Id, "HP.VPDKDD.CN2", "lý do"),
        new RescheduleCase(_case.Id, _case.Appointment!.Value.AddDays(5), "lý do"),
        new WithdrawCase(_case.Id, "lý do"),
    ];

    [Fact]
    public async Task A_clerk_of_one_commune_can_neither_act_on_nor_see_a_case_of_another()
    {
        var act = await _app.SendAsync(People.ClerkHongAn, new ActOnCase(_case.Id, "send-to-tax"));
        var withdraw = await _app.SendAsync(People.ClerkHongAn, new WithdrawCase(_case.Id, "không phải hồ sơ của tôi"));
        var read = await _app.AsAsync(People.ClerkHongAn, m => m.Send(new GetCase(_case.DossierCode)));
        var inbox = await _app.AsAsync(People.ClerkHongAn, m => m.Send(new GetInbox("HP.LECHAN")));

        // A case the clerk may not read answers exactly as an unknown one: no step, unit or waiting state is named.
        var unknown = await _app.SendAsync(People.ClerkHongAn, new ActOnCase(_case.Id + "0", "send-to-tax"));
        Assert.Equal("not-found", Assert.Single(act.Rejections).Code);
        Assert.Equal("not-found", Assert.Single(withdraw.Rejections).Code);
        Assert.Equal(
            Assert.Single(unknown.Rejections).Message.Replace(_case.Id + "0", _case.Id, StringComparison.Ordinal),
            Assert.Single(act.Rejections).Message);
        Assert.Equal(("not-found", null), (read.Rejection?.Code, read.Details));
        Assert.Equal("forbidden", inbox.Rejection?.Code);
        Assert.Empty(inbox.Items);
    }

    [Fact]
    public async Task An_auditor_reads_cases_trails_and_inboxes_but_every_command_refuses_them()
    {
        var read = await _app.AsAsync(People.Auditor, m => m.Send(new GetCase(_case.DossierCode)));
        var inbox = await _app.AsAsync(People.Auditor, m => m.Send(new GetInbox("HP.VPDKDD.CN1")));
        var receive = await _app.SendAsync(People.Auditor, new ReceiveCase("land-use-transfer", "HP.LECHAN")
        {
            Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
        });
        var commands = new List<CaseResult>();
        foreach (var command in EveryCommand())
        {
            commands.Add(await _app.SendAsync(People.Auditor, command));
        }

        Assert.Null(read.Rejection);
        Assert.NotEmpty(read.Details!.Trail);
        Assert.Empty(read.Details.AvailableActions);
        Assert.Equal(_case.DossierCode, Assert.Single(inbox.Items).DossierCode);
        Assert.All(commands.Append(receive), r => Assert.Equal("read-only", Assert.Single(r.Rejections).Code));
        Assert.Equal(
            _case.Version,
            (await _app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCase(_case.Id)))).Details!.Case.Version);
    }

    [Fact]
    public async Task Anonymous_callers_get_nothing()
    {
        foreach (var anonymous in new Actor?[] { null, People.Anonymous })
        {
            var read = await _app.AsAsync(anonymous, m => m.Send(new GetCase(_case.DossierCode)));
            var actions = await _app.AsAsync(anonymous, m => m.Send(new GetAvailableActions(_case.Id)));
            var inbox = await _app.AsAsync(anonymous, m => m.Send(new GetInbox("HP.LECHAN")));
            var versions = await _app.AsAsync(anonymous, m => m.Send(new ListProcedureVersions()));
            var receive = await _app.SendAsync(anonymous, new ReceiveCase("land-use-transfer", "HP.LECHAN"));
            var commands = new List<CaseResult> { receive };
            foreach (var command in EveryCommand())
            {
                commands.Add(await _app.SendAsync(anonymous, command));
            }

            Assert.Equal(("unauthenticated", null), (read.Rejection?.Code, read.Details));
            Assert.Equal(("unauthenticated", null), (actions.Rejection?.Code, actions.Details));
            Assert.Equal("unauthenticated", inbox.Rejection?.Code);
            Assert.Equal(("unauthenticated", 0), (versions.Rejection?.Code, versions.Versions.Length));
            Assert.All(commands, r =>
                Assert.Equal(("unauthenticated", null), (Assert.Single(r.Rejections).Code, r.Case)));
        }
    }

    [Fact]
    public async Task The_actions_offered_are_exactly_those_the_caller_may_take()
    {
        var officer = await _app.AsAsync(People.OfficerCn1, m => m.Send(new GetAvailableActions(_case.Id)));
        var clerk = await _app.AsAsync(People.ClerkLeChan, m => m.Send(new GetAvailableActions(_case.Id)));

        Assert.Contains(officer.Details!.AvailableActions, a => a.Action == "send-to-tax");
        Assert.Empty(clerk.Details!.AvailableActions);
    }

    [Fact]
    public async Task Every_command_of_a_clerk_of_another_commune_is_refused_as_reading_the_case_is()
    {
        var read = await _app.AsAsync(People.ClerkHongAn, m => m.Send(new GetCase(_case.Id)));
        var actions = await _app.AsAsync(People.ClerkHongAn, m => m.Send(new GetAvailableActions(_case.Id)));
        var commands = new List<CaseResult>();
        foreach (var command in EveryCommand())
        {
            commands.Add(await _app.SendAsync(People.ClerkHongAn, command));
        }

        // The same words as for a case that does not exist: nothing of its step, unit or waiting state.
        Assert.Equal(RejectionCodes.NotFound, read.Rejection?.Code);
        var refusal = (read.Rejection!.Key, read.Rejection.Field, read.Rejection.Message);
        Assert.Equal(refusal, (actions.Rejection!.Key, actions.Rejection.Field, actions.Rejection.Message));
        Assert.All(commands, r =>
        {
            var only = Assert.Single(r.Rejections);
            Assert.Equal((refusal, null), ((only.Key, only.Field, only.Message), r.Case));
        });
    }

    [Fact]
    public async Task Verifying_the_trail_of_an_unknown_case_is_refused_as_not_found_never_intact()
    {
        var unknown = await _app.AsAsync(People.Auditor, m => m.Send(new VerifyTrails("no-such-case")));
        var known = await _app.AsAsync(People.Auditor, m => m.Send(new VerifyTrails(_case.Id)));

        Assert.Equal((null, RejectionCodes.NotFound), (unknown.Report, unknown.Rejection?.Code));
        Assert.True(known.Report!.IsClean);
        Assert.Equal(1, known.Report.Cases);
    }
}
