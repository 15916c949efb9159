using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Mail;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;

namespace OneStopWorkflow.Procedures.Tests;

/// <summary>
/// The mails the sample scenarios of the v2 versions cause once the applicant gave an address: one per receipt,
/// supplement request, refusal, new date and result, from the shared mail templates on the papers' model. Mails are
/// no papers on the trail: the samples' golden files stay as they are.
/// </summary>
public sealed class SampleMailTests
{
    private const string Email = "nguyen.van.an@example.vn";

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in SampleScenarioTests.Samples().Select(s => s.Data)
                     .Where(s => s.Contains("/v2/", StringComparison.Ordinal)))
        {
            data.Add(sample);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_event_that_causes_a_mail_renders_one_with_a_subject_and_the_dossier_code(string sample)
    {
        var (events, mails) = Mails(sample, Email);

        var causing = events.Select((e, i) => (Kind: MailKinds.CausedBy(e), Sequence: i + 1))
            .Where(c => c.Kind is not null).ToList();
        Assert.Equal(causing.Select(c => (c.Sequence, c.Kind!.Value)), mails.Select(m => (m.Sequence, m.Kind)));
        if (events.Count == 0)
        {
            // A receipt the engine refused (a wrong unit): no case, no mail.
            return;
        }

        var code = CaseState.Replay(events).DossierCode;
        Assert.All(mails, m =>
        {
            Assert.Equal(Email, m.Recipient);
            Assert.StartsWith($"[{code}] ", m.Subject, StringComparison.Ordinal);
            Assert.Contains(code, m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("&", m.Body + m.Subject, StringComparison.Ordinal);
            Assert.EndsWith("\n", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_land_transfer_finished_on_time_sends_the_receipt_and_the_result()
    {
        var (_, mails) = Mails("procedures/land-use-transfer/v2/samples/on-time.json", Email);

        Assert.Equal([MailKind.Receipt, MailKind.Result], mails.Select(m => m.Kind));
        Assert.Contains("Hẹn trả kết quả: 09 giờ 00 phút, ngày 12 tháng 3 năm 2026", mails[0].Body,
            StringComparison.Ordinal);
        Assert.Contains("Mời ông/bà nhận kết quả tại", mails[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("mã tra cứu", mails[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overdue_land_transfer_apologises_with_the_new_date()
    {
        var (events, mails) = Mails("procedures/land-use-transfer/v2/samples/overdue-apology.json", Email);

        var apology = Assert.Single(mails, m => m.Kind == MailKind.Apology);
        var promised = CaseState.Replay(events).PromisedAppointment!.Value;
        Assert.Contains("Hẹn lại ngày trả kết quả: " + Engine.Templates.VietnameseText.DateTime(
            Catalog.Calendar.ToLocal(promised)), apology.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_without_an_address_sends_no_mail()
    {
        Assert.Empty(Mails("procedures/land-use-transfer/v2/samples/on-time.json", null).Mails);
    }

    private static (List<CaseEvent> Events, IReadOnlyList<RenderedMail> Mails) Mails(string sample, string? email)
    {
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(Repository.PathOf(sample)))!;
        var catalog = Catalog.Context(new DateOnly(2026, 6, 1));
        var loaded = ProcedureLoader.Load(Catalog.ReadVersion(versionFolder, "procedure.json"), catalog);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Engine.Diagnostics.Severity.Error);
        var context = new DecisionContext(
            loaded.Procedure!, loaded.Sha256!, Catalog.Calendar, Catalog.Units, DateTimeOffset.UnixEpoch);
        var events = new List<CaseEvent>();
        CaseState? state = null;
        var scenario = Catalog.ReadScenario(Repository.PathOf(sample));
        foreach (var (at, step) in scenario.Steps)
        {
            var command = step is ReceiveCommand receive && email is not null
                ? receive with { Fields = receive.Fields.SetItem(MailRecipient.Field, email) }
                : step;
            var decision = Workflow.Decide(context with { Now = at }, state, command);
            if (!decision.IsRejected)
            {
                events.AddRange(decision.Events);
                state = decision.State;
            }
        }

        var lookup = SampleDocumentTests.Lookup with { Secret = scenario.Steps[0].Command.Secret };
        return (events, MailRenderer.RenderCaused(context, [], events, lookup, catalog.SharedTemplates));
    }
}
