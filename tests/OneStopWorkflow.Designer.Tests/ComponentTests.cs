using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OneStopWorkflow.Designer.Accounts;
using OneStopWorkflow.Designer.Workbench;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using TestContext = Xunit.TestContext;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>bUnit tests of the workbench pages over the real application layer and a fresh SQLite file.</summary>
[Collection(AppFactory.Collection)]
public sealed class ComponentTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly TestDatabase _database = TestDatabase.NewSqlite();
    private BunitAuthorizationContext _auth = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OneStop"] = _database.ConnectionString,
            ["OneStop:ProceduresFolder"] = Repository.PathOf("procedures"),
            ["OneStop:Scanner:Enabled"] = "false",
        }).Build();
        _ctx.Services.AddLogging();
        _ctx.Services.AddOneStopWorkflow(configuration);
        _ctx.Services.AddScoped<AppSession>();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _auth = _ctx.AddAuthorization();
        await _ctx.Services.GetRequiredService<OneStopInitializer>()
            .InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// Pages load through the real store; give them more than bUnit's default second on a busy machine.
    /// </summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private void SignIn(Actor actor)
    {
        _auth.SetAuthorized(actor.User);
        // bUnit rebuilds the principal on each call and keeps the claims of the last; set roles first.
        _auth.SetRoles([.. actor.Memberships.Select(m => m.Role)]);
        _auth.SetClaims([.. actor.Memberships.Select(m => new Claim(ActorClaims.Membership, $"{m.Unit}|{m.Role}"))]);
    }

    private async Task<CaseView> ReceiveAsync()
    {
        await using var scope = _ctx.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = People.ClerkLeChan;
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
            new ReceiveCase("land-use-transfer", "HP.LECHAN") {
                Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
            },
            TestContext.Current.CancellationToken);
        Assert.False(result.IsRejected, string.Join("; ", result.Rejections));
        return result.Case!;
    }

    [Fact]
    public async Task The_inbox_lists_the_units_open_tasks_with_their_status_colour()
    {
        var first = await ReceiveAsync();
        var second = await ReceiveAsync();
        SignIn(People.OfficerCn1);

        var inbox = _ctx.Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal(2, inbox.FindAll("#inbox-table tbody tr").Count), Wait);
        var rows = inbox.FindAll("#inbox-table tbody tr");
        Assert.Equal([first.DossierCode, second.DossierCode], rows.Select(r => r.GetAttribute("data-dossier")));
        Assert.All(rows, r => Assert.StartsWith("status-", r.ClassName, StringComparison.Ordinal));
        inbox.Find("#inbox-status").Change("overdue");
        inbox.WaitForAssertion(() => Assert.NotNull(inbox.Find("#inbox-empty")), Wait);
    }

    [Fact]
    public async Task The_case_page_offers_only_the_callers_actions_and_takes_one()
    {
        var received = await ReceiveAsync();
        SignIn(People.OfficerCn1);
        // As while prerendering: the page's procedure graph draws its diagram only once interactive.
        _ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var page = _ctx.Render<CasePage>(p => p.Add(c => c.Id, received.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#act-send-to-tax")), Wait);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#case-graph-panel #case-graph")), Wait);
        Assert.Empty(page.FindAll("#act-approve"));
        page.Find("#act-send-to-tax").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#act-tax-paid")), Wait);
        Assert.NotEmpty(page.FindAll("#case-timeline tr[data-type=task-completed]"));
    }

    [Fact]
    public void The_receive_form_flags_missing_required_fields_before_sending()
    {
        SignIn(People.ClerkLeChan);

        var form = _ctx.Render<Receive>();
        form.WaitForAssertion(
            () => Assert.NotEmpty(form.FindAll("#receive-procedure option[value=land-use-transfer]")), Wait);
        form.Find("#receive-procedure").Change("land-use-transfer");
        form.WaitForAssertion(() => Assert.NotNull(form.Find("#field-applicant_name")), Wait);
        form.Find("#field-applicant_name").Change("Nguyễn Văn An");
        form.Find("#accept").Click();

        form.WaitForAssertion(() => Assert.NotNull(form.Find("#error-parcel_number")), Wait);
        Assert.Empty(form.FindAll("#error-applicant_name"));
        Assert.Empty(form.FindAll("#received"));
    }

    [Fact]
    public void The_receive_form_refuses_accept_beside_the_papers_when_a_required_one_is_not_ticked()
    {
        SignIn(People.ClerkLeChan);

        var form = _ctx.Render<Receive>();
        form.WaitForAssertion(
            () => Assert.NotEmpty(form.FindAll("#receive-procedure option[value=land-use-transfer]")), Wait);
        form.Find("#receive-procedure").Change("land-use-transfer");
        form.WaitForAssertion(() => Assert.NotNull(form.Find("#component-form-18")), Wait);
        form.Find("#component-form-18").Change(true);
        form.Find("#component-certificate").Change(true);
        form.Find("#accept").Click();

        form.WaitForAssertion(() => Assert.NotNull(form.Find("#component-error")), Wait);
        var error = form.Find("#component-error").TextContent;
        Assert.Contains("Notarised transfer contract (original × 1)", error, StringComparison.Ordinal);
        Assert.Contains("request a supplement", error, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate", error, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("#received"));
    }
}
