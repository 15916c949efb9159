using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Browser.Tests;

/// <summary>
/// Issue 16, in depth: even a script written straight into the documents table (past every template check) does
/// not run when a clerk opens or prints the paper, because papers are served under a policy that allows no script.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class PlantedScriptTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncDisposable
{
    private const string Planted =
        "<script>window.top.planted = 'script'; fetch('/api/inbox/HP.LECHAN');</script>"
        + "<img src=\"x\" onerror=\"window.top.planted = 'handler'\">"
        + "<a id=\"planted-link\" href=\"javascript:window.top.planted='link'\">xem</a>";

    private readonly AppBrowser _browser = new(app, "security");

    public ValueTask DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_script_planted_in_a_stored_document_does_not_run_when_the_clerk_opens_or_prints_it()
    {
        var created = await _browser.ReceiveLandTransferAsync();
        var caseId = created.GetProperty("id").GetString()!;
        long receipt;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var row = await db.Documents.SingleAsync(
                d => d.CaseId == caseId && d.Document == "receipt", TestContext.Current.CancellationToken);
            row.Content = row.Content.Replace("</body>", Planted + "</body>", StringComparison.Ordinal);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            receipt = row.Id;
        }

        var clerk = await _browser.SignInAsync("clerk.lechan");
        var violations = new List<string>();
        clerk.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        var response = await clerk.GotoAsync(_browser.Url($"/documents/{receipt}"));
        Assert.Equal(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'",
            await response!.HeaderValueAsync("content-security-policy"));
        Assert.Equal("no-store", await response.HeaderValueAsync("cache-control"));
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        await clerk.ClickAsync("#planted-link");
        await clerk.WaitForTimeoutAsync(500);
        Assert.Null(await clerk.EvaluateAsync<string?>("() => window.planted ?? null"));
        Assert.NotEmpty(violations);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ", (await clerk.InnerTextAsync("body")).ToUpperInvariant(),
            StringComparison.Ordinal);
        await _browser.ShotAsync(clerk, "01-planted-receipt");

        // Printed from the case page, in the app's own frame: the page is not reached either.
        await _browser.OpenAsync(clerk, $"/cases/{caseId}");
        await clerk.EvaluateAsync($$"""
            () => new Promise(done => {
                const frame = document.createElement('iframe');
                frame.src = '/documents/{{receipt}}';
                frame.onload = () => setTimeout(done, 300);
                document.body.appendChild(frame);
            })
            """);
        Assert.Null(await clerk.EvaluateAsync<string?>("() => window.planted ?? null"));
    }
}
