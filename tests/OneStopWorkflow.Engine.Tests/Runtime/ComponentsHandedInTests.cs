using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>Issue 15 point 2: the papers handed in at receipt and with a supplement, and what they allow.</summary>
public sealed class ComponentsHandedInTests
{
    private const string Monday = "2026-03-02T09:00:00+07:00";

    private static readonly ImmutableDictionary<string, string> ContactOnly = Fields
        .Where(f => f.Key is "applicant_name" or "applicant_id_number" or "applicant_address")
        .ToImmutableDictionary();

    private static ReceivedComponent Paper(string id, string form = "original", int quantity = 1) =>
        new(id, form, quantity);

    private static Decision Receive(
        ImmutableArray<ReceivedComponent> papers, string intake = "accept",
        ImmutableDictionary<string, string>? fields = null) =>
        Decide(null, Monday, new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN")
        {
            Fields = fields ?? Fields, Components = papers, Sequence = 7, IntakeAction = intake,
            Input = intake == "accept"
                ? ImmutableDictionary<string, string>.Empty
                : ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu hợp đồng đã công chứng"),
        });

    [Fact]
    public void Accepting_without_a_required_component_is_refused_naming_it_in_both_languages()
    {
        var decision = Receive([Paper("form-18"), Paper("certificate")]);

        var rejection = Assert.Single(decision.Rejections);
        Assert.Equal((RejectionCodes.ComponentsMissing, "components"), (rejection.Code, rejection.Field));
        var vi = rejection.MessageIn(CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains("Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng (bản chính × 1)", vi,
            StringComparison.Ordinal);
        Assert.Contains("yêu cầu bổ sung", vi, StringComparison.Ordinal);
        Assert.Contains("Notarised transfer contract (original × 1)", rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Giấy chứng nhận", vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_does_not_stand_for_an_original_the_procedure_asks_for()
    {
        var decision = Receive([Paper("form-18"), Paper("certificate", "copy"), Paper("contract")]);

        var rejection = Assert.Single(decision.Rejections);
        Assert.Equal(RejectionCodes.ComponentsMissing, rejection.Code);
        Assert.Contains("The issued land-use right certificate", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receiving_no_list_at_all_records_no_papers_and_refuses_to_accept()
    {
        var decision = Receive([]);

        Assert.Equal([RejectionCodes.ComponentsMissing], decision.Rejections.Select(r => r.Code));
    }

    [Theory]
    [InlineData("deed", "original", 1, "component-invalid.unknown")]
    [InlineData("contract", "photocopy", 1, "component-invalid.form")]
    [InlineData("mortgage-consent", "original", 0, "component-invalid.quantity")]
    [InlineData("mortgage-consent", "copy", 100, "component-invalid.quantity")]
    public void A_paper_the_procedure_does_not_know_or_a_bad_form_or_quantity_is_refused_on_components(
        string id, string form, int quantity, string key)
    {
        var decision = Receive([Paper("form-18"), Paper("certificate"), Paper("contract"), Paper(id, form, quantity)]);

        var rejection = Assert.Single(decision.Rejections);
        Assert.Equal((key, "components"), (rejection.Key, rejection.Field));
    }

    [Fact]
    public void The_same_paper_in_the_same_form_twice_is_refused()
    {
        var decision = Receive([Paper("form-18"), Paper("certificate"), Paper("contract"), Paper("contract")]);

        Assert.Equal(["component-invalid.twice"], decision.Rejections.Select(r => r.Key));
    }

    [Fact]
    public void A_supplement_request_needs_only_who_the_applicant_is_and_how_to_reach_them()
    {
        var decision = Receive([Paper("form-18")], "request-supplement", ContactOnly);

        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        Assert.Equal("await-intake-supplement", decision.State!.OpenTasks.Single().Step.Value);
        Assert.Equal([Paper("form-18")], decision.State.Received!.Value);
    }

    [Fact]
    public void A_supplement_request_still_needs_the_applicant_and_refuses_malformed_values()
    {
        var fields = ContactOnly.Remove("applicant_name").Add("area_m2", "tám mươi");

        var decision = Receive([], "request-supplement", fields);

        Assert.Equal(
            [("field-invalid.not-number", "area_m2"), ("field-required", "applicant_name")],
            decision.Rejections.Select(r => (r.Key, r.Field!)).Order());
    }

    [Fact]
    public void Resubmission_records_what_was_added_and_accept_then_needs_every_required_paper_and_field()
    {
        var received = Receive([Paper("form-18"), Paper("certificate")], "request-supplement", ContactOnly);
        var run = (received.State!, received.Events.ToList());
        var missingContract = ImmutableDictionary<string, string>.Empty.Add("reason", "Thiếu hợp đồng");

        run.Item1 = run.Then("2026-03-03T09:00:00+07:00", new ResubmitCommand(Clerk)
        {
            Fields = Fields.RemoveRange(ContactOnly.Keys),
        });
        var withoutContract = Decide(run.Item1, "2026-03-03T09:05:00+07:00", new ActCommand(Clerk, "accept"));
        run.Item1 = run.Then("2026-03-03T09:10:00+07:00",
            new ActCommand(Clerk, "request-supplement") { Input = missingContract });
        run.Item1 = run.Then("2026-03-04T09:00:00+07:00", new ResubmitCommand(Clerk)
        {
            Components = [Paper("contract"), Paper("form-18", "copy", 2)],
        });
        run.Item1 = run.Then("2026-03-04T09:05:00+07:00", new ActCommand(Clerk, "accept"));

        Assert.Equal([RejectionCodes.ComponentsMissing], withoutContract.Rejections.Select(r => r.Code));
        var added = run.Item2.OfType<ComponentsHandedIn>().Last();
        Assert.Equal([Paper("contract"), Paper("form-18", "copy", 2)], added.Components);
        Assert.Equal(
            [Paper("form-18"), Paper("certificate"), Paper("contract"), Paper("form-18", "copy", 2)],
            run.Item1.Received!.Value);
        Assert.Equal("land-review", run.Item1.OpenTasks.Single().Step.Value);
        Assert.Equal(Fields["parcel_number"], run.Item1.Fields["parcel_number"]);
    }

    [Fact]
    public void Accepting_after_a_supplement_at_intake_needs_the_fields_that_were_left_out()
    {
        var received = Receive(LandTransferFields.Components, "request-supplement", ContactOnly);
        var run = (received.State!, received.Events.ToList());
        run.Item1 = run.Then("2026-03-03T09:00:00+07:00", new ResubmitCommand(Clerk));

        var decision = Decide(run.Item1, "2026-03-03T09:05:00+07:00", new ActCommand(Clerk, "accept"));

        Assert.Contains(decision.Rejections, r => (r.Code, r.Field) == (RejectionCodes.FieldRequired, "parcel_number"));
    }

    [Fact]
    public void The_receipt_lists_exactly_the_papers_received_in_their_form_and_number()
    {
        var decision = Receive([Paper("contract"), Paper("form-18", "original", 2), Paper("certificate")]);

        var model = ModelOf(decision.Events, "receipt");

        Assert.Equal(
            [
                (1, "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18)", "Bản chính", 2),
                (2, "Giấy chứng nhận quyền sử dụng đất đã cấp", "Bản chính", 1),
                (3, "Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng", "Bản chính", 1),
            ],
            model.Components.Select(c => (c.Index, c.Name, c.Form, c.Quantity)));
    }

    [Fact]
    public void The_supplement_request_lists_the_missing_papers_and_the_reason()
    {
        var decision = Receive([Paper("form-18")], "request-supplement", ContactOnly);

        var model = ModelOf(decision.Events, "supplement-request");

        Assert.Equal(
            ["Giấy chứng nhận quyền sử dụng đất đã cấp", "Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng"],
            model.MissingComponents.Select(c => c.Name));
        Assert.Equal("Thiếu hợp đồng đã công chứng", model.Reason);
        Assert.Equal(["Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18)"],
            model.Components.Select(c => c.Name));
    }

    [Fact]
    public void A_trail_from_before_papers_were_recorded_prints_the_procedures_list_and_may_be_accepted()
    {
        var received = Receive([Paper("form-18")], "request-supplement");
        var legacy = received.Events.Where(e => e is not ComponentsHandedIn).ToList();
        var state = CaseState.Replay(legacy);
        var run = (state, legacy);
        run.state = run.Then("2026-03-03T09:00:00+07:00", new ResubmitCommand(Clerk));

        run.state = run.Then("2026-03-03T09:05:00+07:00", new ActCommand(Clerk, "accept"));

        Assert.Null(run.state.Received);
        Assert.Equal(Procedure.Components.Length, ModelOf(run.legacy, "receipt").Components.Length);
    }

    private static DocumentModel ModelOf(IReadOnlyList<CaseEvent> events, string document)
    {
        var index = events.ToList().FindIndex(e => e is DocumentIssued d && d.Document == document);
        return DocumentModelBuilder.Build(Procedure, Catalog.Calendar, Catalog.Units, [.. events.Take(index + 1)],
            (DocumentIssued)events[index], new LookupPage("https://motcua.example.gov.vn/tra-cuu"));
    }
}
