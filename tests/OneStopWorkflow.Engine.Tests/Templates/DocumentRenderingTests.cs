using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Engine.Tests.Runtime;

namespace OneStopWorkflow.Engine.Tests.Templates;

public sealed class DocumentRenderingTests
{
    private static IReadOnlyList<RenderedDocument> Receive(ImmutableDictionary<string, string> fields)
    {
        var decision = LandTransfer.Decide(null, "2026-03-02T09:00:00+07:00",
            new ReceiveCommand(LandTransfer.Clerk, new CaseId("c1"), "HP.LECHAN")
            {
                Fields = fields, Sequence = 7, Secret = "ab12cd34",
            });
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return DocumentRenderer.RenderIssued(
            LandTransfer.Context("2026-03-02T09:00:00+07:00"), [], decision.Events,
            new LookupPage("https://motcua.example.gov.vn/tra-cuu"));
    }

    [Fact]
    public void Markup_typed_into_a_field_is_printed_as_text()
    {
        var receipt = Receive(LandTransfer.Fields.SetItem("applicant_name", "<script>alert('x')</script> & Co"))[0];

        Assert.DoesNotContain("<script>", receipt.Html, StringComparison.Ordinal);
        Assert.Contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co", receipt.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_a_dossier_issues_the_receipt_and_the_control_slip_with_the_lookup_secret()
    {
        var documents = Receive(LandTransfer.Fields);

        Assert.Equal(["receipt", "control-slip"], documents.Select(d => d.Issued.Document));
        Assert.Contains("mã tra cứu <strong>ab12cd34</strong>", documents[0].Html, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận, kiểm tra hồ sơ", documents[1].Html, StringComparison.Ordinal);
        Assert.Equal(documents.Select(d => d.Html), Receive(LandTransfer.Fields).Select(d => d.Html));
    }
}
