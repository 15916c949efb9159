using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Engine.Tests.Templates;

/// <summary>
/// Issue 16: a template that could run script in a clerk's session, embed another document or fetch from another
/// host is refused with a code and the line it is on; an ordinary paper passes.
/// </summary>
public sealed class TemplateSafetyTests
{
    private const string Paper = "<html>\n<head><style>h1 { font-size: 14pt }</style></head>\n<body>\n";

    [Theory]
    [InlineData("<script>fetch('/api/cases')</script>", "OSW4006")]
    [InlineData("<SCRIPT src=\"/x.js\"></SCRIPT>", "OSW4006")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">", "OSW4006")]
    [InlineData("<div onmouseover=\"go()\">", "OSW4006")]
    [InlineData("<a href=\"javascript:alert(1)\">xem</a>", "OSW4006")]
    [InlineData("<a href=\" java\tscript:alert(1)\">xem</a>", "OSW4006")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">xem</a>", "OSW4006")]
    [InlineData("<img src=\"data:text/html;base64,PHNjcmlwdD4=\">", "OSW4006")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "OSW4006")]
    [InlineData("<div style=\"width: expression(alert(1))\">", "OSW4006")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=/api\">", "OSW4006")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "OSW4006")]
    [InlineData("<iframe src=\"/api/cases\"></iframe>", "OSW4007")]
    [InlineData("<object data=\"/x\"></object>", "OSW4007")]
    [InlineData("<embed src=\"/x\">", "OSW4007")]
    [InlineData("<form action=\"/account/logout\" method=\"post\"><button>OK</button></form>", "OSW4007")]
    [InlineData("<base href=\"https://evil.example/\">", "OSW4007")]
    [InlineData("<img src=\"https://evil.example/pixel.png\">", "OSW4008")]
    [InlineData("<img src=\"//evil.example/pixel.png\">", "OSW4008")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://cdn.example/a.css\">", "OSW4008")]
    [InlineData("<style>@import 'https://cdn.example/a.css';</style>", "OSW4008")]
    [InlineData("<p style=\"background: url('https://evil.example/x.png')\">", "OSW4008")]
    public void Unsafe_content_is_refused_with_its_code_on_its_line(string line, string code)
    {
        var diagnostics = Check(Paper + "<p>Kính gửi: {{ applicant.name }}</p>\n" + line + "\n</body></html>");

        var error = Assert.Single(diagnostics);
        Assert.Equal(code, error.Code);
        Assert.True(error.IsError);
        Assert.Equal("templates/receipt.sbn-html", error.Location.File);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void An_ordinary_paper_with_pictures_links_and_model_values_passes()
    {
        var diagnostics = Check(Paper + """
            <p style="text-align: center">Số: {{ dossier.code }}</p>
            <img src="{{ lookup.qr }}" alt="QR">
            <img src="data:image/png;base64,iVBORw0KGgo=" alt="">
            <a href="https://dichvucong.gov.vn/tra-cuu?code={{ dossier.code }}">tra cứu</a>
            <a href="tel:02253842000">02253 842 000</a> <a href="#phan-2">Phần 2</a>
            <table><tr><td class="num">1</td><td>{{ for c in components }}{{ c.name }}{{ end }}</td></tr></table>
            </body></html>
            """);

        Assert.Empty(diagnostics);
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Check(string text)
    {
        var bag = new DiagnosticBag();
        TemplateSafety.Check(new TemplateFile("receipt.sbn-html", "templates/receipt.sbn-html", text), bag);
        return bag.ToImmutable();
    }
}
