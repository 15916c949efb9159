using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Engine.Tests.Runtime;

namespace OneStopWorkflow.Engine.Tests.Templates;

public sealed class DocumentRenderingTests
{
    private static IReadOnlyList<RenderedDocument> Receive(
        ImmutableDictionary<string, string> fields, TrackingBookEntry? book = null)
    {
        var decision = LandTransfer.Decide(null, "2026-03-02T09:00:00+07:00",
            new ReceiveCommand(LandTransfer.Clerk, new CaseId("c1"), "HP.LECHAN")
            {
                Fields = fields, Sequence = 7, Secret = "ab12cd34", Components = LandTransferFields.Components,
                Book = book,
            });
        Assert.False(decision.IsRejected, string.Join("; ", decision.Rejections));
        return DocumentRenderer.RenderIssued(
            LandTransfer.Context("2026-03-02T09:00:00+07:00"), [], decision.Events,
            new LookupPage("https://motcua.example.gov.vn/tra-cuu") { Secret = "ab12cd34" });
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

    [Fact]
    public void The_receipt_prints_its_book_reference_and_leaves_lines_to_fill_in_for_what_is_not_known()
    {
        var entered = Receive(LandTransfer.Fields, new TrackingBookEntry(2, 1234))[0].Html;
        var blank = Receive(LandTransfer.Fields.Remove("applicant_phone"))[0].Html;

        Assert.Contains("Vào Sổ theo dõi hồ sơ, Quyển số: 02, Số thứ tự: 1234.", entered, StringComparison.Ordinal);
        Assert.Contains("<p>Số điện thoại: <span class=\"blank\"></span></p>", blank, StringComparison.Ordinal);
        Assert.Contains(
            "Quyển số: <span class=\"blank short\"></span>, Số thứ tự: <span class=\"blank short\"></span>.",
            blank, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lookup_link_carries_the_dossier_code_and_no_image_is_drawn_without_a_drawer()
    {
        var receipt = Receive(LandTransfer.Fields)[0].Html;

        Assert.Contains(
            "https://motcua.example.gov.vn/tra-cuu?code=HP.LECHAN-260302-0007", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", receipt, StringComparison.Ordinal);
        Assert.Equal(
            "https://x.vn/tra-cuu?lang=vi&code=A%20B", new LookupPage("https://x.vn/tra-cuu?lang=vi").LinkTo("A B"));
    }
}
