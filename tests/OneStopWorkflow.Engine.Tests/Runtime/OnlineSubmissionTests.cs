using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Issue 19 point 2: a dossier submitted online waits at the unit's intake, its clock starting only when a clerk
/// accepts it, counted from the next working day's opening when it came after hours (Decree 297/2025 art. 3(5)).
/// </summary>
public sealed class OnlineSubmissionTests
{
    private static readonly Lazy<LoadResult> Loaded = new(() => ProcedureLoader.Load(
        Catalog.ReadVersion(
            Repository.PathOf("procedures", "land-use-transfer", "v2"), "land-use-transfer/v2/procedure.json"),
        Catalog.Context(new DateOnly(2026, 6, 1))));

    private static ProcedureDefinition Procedure => Loaded.Value.Procedure!;

    private const string Friday1630 = "2026-12-04T16:30:00+07:00";
    private const string Friday1645 = "2026-12-04T16:45:00+07:00";
    private const string Monday0700 = "2026-12-07T07:00:00+07:00";

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static Decision Decide(CaseState? state, string now, CaseCommand command, ProcedureDefinition? p = null) =>
        Workflow.Decide(new DecisionContext(p ?? Procedure, Loaded.Value.Sha256!, Catalog.Calendar, Catalog.Units,
            At(now)), state, command);

    private static ReceivedComponent Scanned(string id) => new(id, "original", 1)
    {
        Scans = [new ScanReference($"scan-{id}", $"{id}.pdf", "application/pdf", 1234, new string('a', 64))],
    };

    private static SubmitOnlineCommand Submission(params string[] components) =>
        new(new CaseId("c1"), "HP.LECHAN", "Nguyễn Văn An")
        {
            Fields = LandTransferFields.Complete, Sequence = 3, Secret = "0badcafe",
            Components = [.. components.Select(Scanned)],
        };

    private static CaseState Submitted(string now, params string[] components)
    {
        var decision = Decide(null, now, Submission(components));
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return decision.State!;
    }

    private static CaseState Then(CaseState state, string now, CaseCommand command)
    {
        var decision = Decide(state, now, command);
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return decision.State!;
    }

    [Fact]
    public void A_submission_waits_at_the_units_intake_with_no_clock_and_the_citizen_named_on_the_trail()
    {
        var decision = Decide(null, Friday1630, Submission("form-18", "certificate", "contract"));

        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        var state = decision.State!;
        Assert.Equal("online", state.Channel);
        Assert.Null(state.Appointment);
        var task = Assert.Single(state.OpenTasks);
        Assert.Equal(("intake", "HP.LECHAN"), (task.Step.Value, task.Unit));
        var received = Assert.IsType<CaseReceived>(decision.Events[0]);
        Assert.Equal(("applicant", "Nguyễn Văn An"), (received.Actor.Role, received.Actor.Name));
        var papers = Assert.IsType<ComponentsHandedIn>(decision.Events[1]);
        Assert.All(papers.Components, c => Assert.Single(c.Scans!.Value));
        Assert.DoesNotContain(decision.Events, e => e is ClockStarted or DocumentIssued);
    }

    [Fact]
    public void Accepted_on_friday_after_1630_the_time_counts_from_monday_opening_and_both_instants_are_kept()
    {
        var submitted = Submitted(Friday1630, "form-18", "certificate", "contract");
        var clerk = People.ClerkLeChan;

        var decision = Decide(submitted, Friday1645, new ActCommand(clerk, "accept") { Secret = "12345678" });

        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        var started = Assert.Single(decision.Events.OfType<ClockStarted>());
        Assert.Equal(At(Friday1645), started.At);
        Assert.Equal(At(Monday0700), started.CountsFrom);
        var atCounter = Workflow.Decide(new DecisionContext(Procedure, Loaded.Value.Sha256!, Catalog.Calendar,
            Catalog.Units, At(Monday0700)), null, new ReceiveCommand(clerk, new CaseId("c2"), "HP.LECHAN")
        {
            Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
        });
        Assert.Equal(atCounter.State!.Appointment, started.Appointment);
    }

    [Theory]
    [InlineData("2026-12-04T15:59:00+07:00", "2026-12-04T15:59:00+07:00")] // before the last hour: as submitted
    [InlineData("2026-12-04T16:00:00+07:00", Monday0700)]                    // the last working hour
    [InlineData("2026-12-04T19:10:00+07:00", Monday0700)]                    // after the close
    [InlineData("2026-12-05T10:00:00+07:00", Monday0700)]                    // a Saturday
    [InlineData("2026-12-07T06:30:00+07:00", "2026-12-07T06:30:00+07:00")] // before opening: the clock's own rule
    public void The_after_hours_rule_by_the_instant_of_submission(string submitted, string countsFrom)
    {
        Assert.Equal(At(countsFrom), Procedure.Online!.CountsFrom(Catalog.Calendar, At(submitted)));
    }

    [Fact]
    public void With_the_rule_off_an_after_hours_dossier_counts_from_its_acceptance()
    {
        var procedure = Procedure with { Online = new OnlineService { AfterHoursNextDay = false } };
        var submitted = Decide(null, Friday1630, Submission("form-18", "certificate", "contract"), procedure).State!;

        var decision = Decide(submitted, Friday1645, new ActCommand(People.ClerkLeChan, "accept"), procedure);

        Assert.Null(Assert.Single(decision.Events.OfType<ClockStarted>()).CountsFrom);
    }

    [Fact]
    public void A_missing_paper_is_asked_for_and_the_citizen_adds_it_online_then_the_clerk_accepts()
    {
        var submitted = Submitted(Friday1630, "form-18", "certificate", "mortgage-consent");
        var clerk = People.ClerkLeChan;
        var refused = Decide(submitted, Friday1645, new ActCommand(clerk, "accept"));
        Assert.Equal(RejectionCodes.ComponentsMissing, Assert.Single(refused.Rejections).Code);

        var waiting = Then(submitted, Friday1645, new ActCommand(clerk, "request-supplement")
        {
            Input = ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu hợp đồng chuyển nhượng"),
        });
        var applicant = Actor.Applicant("Nguyễn Văn An");
        var added = Decide(waiting, "2026-12-05T09:00:00+07:00", new ResubmitCommand(applicant)
        {
            Components = [Scanned("contract")],
        });
        Assert.False(added.IsRejected, string.Join("; ", added.Rejections));
        Assert.Equal("applicant", added.Events.OfType<ComponentsHandedIn>().Single().Actor.Role);
        var accepted = Then(added.State!, "2026-12-07T08:00:00+07:00", new ActCommand(clerk, "accept"));

        Assert.NotNull(accepted.Appointment);
    }

    [Fact]
    public void A_procedure_not_offered_online_and_a_paper_without_its_scan_are_refused_as_data()
    {
        var offline = Procedure with { Online = null };
        var notOnline = Decide(null, Friday1630, Submission("form-18"), offline);
        Assert.Equal(RejectionCodes.NotOnline, Assert.Single(notOnline.Rejections).Code);

        var noScan = Decide(null, Friday1630, Submission() with
        {
            Components = [new ReceivedComponent("form-18", "original", 1)],
        });
        var rejection = Assert.Single(noScan.Rejections);
        Assert.Equal((RejectionCodes.ScanRequired, "components.form-18"), (rejection.Code, rejection.Field));
        var vi = rejection.MessageIn(CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains("Mẫu số 18", vi, StringComparison.Ordinal);
    }
}
