using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Documents;

namespace OneStopWorkflow.Procedures.Tests;

/// <summary>
/// Every document a sample scenario issues is rendered and compared with its golden HTML in
/// samples/&lt;scenario&gt;.documents/&lt;sequence&gt;-&lt;document&gt;.html (regenerate with OSW_UPDATE_GOLDEN=1).
/// </summary>
public sealed class SampleDocumentTests
{
    public const string LookupUrl = "https://dichvucong.haiphong.gov.vn/tra-cuu";

    /// <summary>The lookup page as the server prints it, with the QR code it draws.</summary>
    public static readonly LookupPage Lookup = new(LookupUrl) { DrawQrCode = QrCodeImage.DataUri };

    public static TheoryData<string> Samples() => SampleScenarioTests.Samples();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_issued_document_matches_its_golden_html(string sample)
    {
        var documents = Render(sample);
        var folder = Repository.PathOf(sample).Replace(".json", ".documents", StringComparison.Ordinal);
        var expectedNames = documents.Select(FileName).ToHashSet(StringComparer.Ordinal);
        if (Golden.Updating)
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.EnumerateFiles(folder)
                         .Where(f => !expectedNames.Contains(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }
        }

        foreach (var document in documents)
        {
            Golden.Match(Path.Combine(folder, FileName(document)), document.Html);
        }

        var present = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)!)
            : [];
        Assert.Equal(expectedNames.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_land_transfer_samples_issue_six_of_the_national_forms_and_the_tax_slip()
    {
        var issued = Samples().Select(s => s.Data)
            .Where(s => s.Contains("land-use-transfer", StringComparison.Ordinal))
            .SelectMany(Render).Select(d => d.Issued.Form ?? d.Issued.Document)
            .Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["01", "02", "03", "04", "05", "06", "tax-transfer-slip"], issued);
    }

    [Fact]
    public void The_receipt_prints_the_appointment_the_engine_computed_in_words()
    {
        var receipt = Render("procedures/land-use-transfer/v1/samples/on-time.json")
            .First(d => d.Issued.Document == "receipt");

        Assert.Contains("HP.LECHAN-260302-0007", receipt.Html, StringComparison.Ordinal);
        Assert.Contains(
            "<strong>09 giờ 00 phút, ngày 12 tháng 3 năm 2026</strong>", receipt.Html, StringComparison.Ordinal);
        Assert.Contains("Hải Phòng, ngày 02 tháng 3 năm 2026", receipt.Html, StringComparison.Ordinal);
        Assert.Contains("Đơn đăng ký biến động đất đai", receipt.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_the_same_event_again_gives_the_same_bytes()
    {
        var sample = "procedures/land-use-transfer/v1/samples/overdue-apology.json";

        Assert.Equal(Render(sample).Select(d => d.Html), Render(sample).Select(d => d.Html));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_command_renders_from_the_state_before_it_the_bytes_a_replay_of_the_trail_gives(string sample)
    {
        var (context, steps, lookup) = Load(sample);
        var history = new List<CaseEvent>();
        CaseState? state = null;
        List<RenderedDocument> stepwise = [];
        foreach (var (at, command) in steps)
        {
            var decision = Workflow.Decide(context with { Now = at }, state, command);
            if (decision.IsRejected)
            {
                continue;
            }

            stepwise.AddRange(DocumentRenderer.RenderIssued(context, state, history, decision.Events, lookup));
            history.AddRange(decision.Events);
            state = decision.State;
        }

        var replayed = stepwise.Select(d => DocumentRenderer.Render(context, history[..d.Sequence], d.Issued, lookup));
        Assert.Equal(replayed, stepwise.Select(d => d.Html));
        Assert.Equal(Render(sample).Select(d => (d.Sequence, d.Html)), stepwise.Select(d => (d.Sequence, d.Html)));
    }

    private static string FileName(RenderedDocument document) =>
        $"{document.Sequence:00}-{document.Issued.Document}.html";

    internal static IReadOnlyList<RenderedDocument> Render(string sample)
    {
        var (context, steps, lookup) = Load(sample);
        var events = new List<CaseEvent>();
        CaseState? state = null;
        foreach (var (at, command) in steps)
        {
            var decision = Workflow.Decide(context with { Now = at }, state, command);
            if (!decision.IsRejected)
            {
                events.AddRange(decision.Events);
                state = decision.State;
            }
        }

        return DocumentRenderer.RenderIssued(context, [], events, lookup);
    }

    private static (DecisionContext Context, IReadOnlyList<(DateTimeOffset At, CaseCommand Command)> Steps,
        LookupPage Lookup) Load(string sample)
    {
        var versionFolder = Path.GetDirectoryName(Path.GetDirectoryName(Repository.PathOf(sample)))!;
        var loaded = ProcedureLoader.Load(
            Catalog.ReadVersion(versionFolder, "procedure.json"), Catalog.Context(new DateOnly(2026, 6, 1)));
        var context = new DecisionContext(
            loaded.Procedure!, loaded.Sha256!, Catalog.Calendar, Catalog.Units, DateTimeOffset.UnixEpoch);
        var scenario = Catalog.ReadScenario(Repository.PathOf(sample));
        // The receipt prints the secret its command carried, as the host renders it while deciding.
        return (context, [.. scenario.Steps.Select(s => (s.At, s.Command))],
            Lookup with { Secret = scenario.Steps[0].Command.Secret });
    }
}
