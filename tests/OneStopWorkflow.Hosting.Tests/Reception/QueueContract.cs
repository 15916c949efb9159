using System.Globalization;
using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Reception;
using OneStopWorkflow.Persistence.Reception;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Reception;

/// <summary>
/// The counter: tickets taken wait in number order, a clerk calls the oldest to a counter, calls it again, skips it
/// or serves it (advice, or the dossier received for it); two clerks calling at once never get the same citizen.
/// </summary>
public abstract class QueueContract(StorageProvider provider) : StoreContract(provider)
{
    private const string Morning = "2026-03-02T08:00:00+07:00";
    private static readonly Actor Admin = new("admin.hp", [new Membership("HP", "admin")]);
    private static readonly Actor Clerk = People.ClerkLeChan;

    [Fact]
    public async Task A_taken_ticket_waits_numbered_from_one_each_day_at_each_centre()
    {
        await using var app = await StartAsync(Morning);

        var first = await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        var second = await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        var elsewhere = await SendAsync(app, People.ClerkHongAn, new IssueTicket("HP.HONGAN"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));

        Assert.Equal([1, 2, 1, 1], new[] { first, second, elsewhere, tomorrow }.Select(t => t.Ticket!.Number));
        Assert.All(new[] { first, second, tomorrow }, t => Assert.Equal(TicketStates.Waiting, t.Ticket!.State));
        Assert.Equal(At(Morning), first.Ticket!.IssuedAt);
        Assert.Equal(TimeSpan.FromHours(7), first.Ticket.IssuedAt.Offset);
        Assert.Null(first.Ticket.CalledAt);
    }

    [Fact]
    public async Task Call_next_takes_the_oldest_waiting_ticket_to_the_clerks_counter_under_their_name()
    {
        await using var app = await StartAsync(Morning);
        await app.AsAsync(Admin, m => m.Send(new CreateUser("clerk.lechan", "Nguyễn Thị Lan", "Demo@2026!x"),
            TestContext.Current.CancellationToken));
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var called = (await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 3))).Ticket!;

        Assert.Equal((1, TicketStates.Called, 3), (called.Number, called.State, called.Counter));
        Assert.Equal(At("2026-03-02T08:05:00+07:00"), called.CalledAt);
        Assert.Equal(("clerk.lechan", "Nguyễn Thị Lan"), (called.CalledBy, called.CalledByName));
        var queue = await app.AsAsync(Clerk, m => m.Send(new ListQueueTickets(null),
            TestContext.Current.CancellationToken));
        Assert.Equal("HP.LECHAN", queue.Centre);
        Assert.Equal("UBND phường Lê Chân", Assert.Single(queue.Centres).Name.Vi);
        Assert.Equal([(1, TicketStates.Called), (2, TicketStates.Waiting)],
            queue.Tickets.Select(t => (t.Number, t.State)));
    }

    [Fact]
    public async Task Calling_with_nobody_waiting_or_to_no_counter_is_refused_in_words()
    {
        await using var app = await StartAsync(Morning);

        var empty = await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 1));
        var noCounter = await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 0));

        Assert.Equal(RejectionCodes.QueueEmpty, empty.Rejection!.Code);
        Assert.Contains("UBND phường Lê Chân", empty.Rejection.MessageIn(CultureInfo.GetCultureInfo("vi-VN")),
            StringComparison.Ordinal);
        Assert.Equal((RejectionCodes.BadCounter, "counter"), (noCounter.Rejection!.Code, noCounter.Rejection.Field));
    }

    [Fact]
    public async Task A_called_ticket_is_called_again_and_skipped_when_the_citizen_is_absent()
    {
        await using var app = await StartAsync(Morning);
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        var waiting = (await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"))).Ticket!;
        var called = (await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 2))).Ticket!;
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var recalled = (await SendAsync(app, Clerk, new RecallTicket(called.Id))).Ticket!;
        var skipped = (await SendAsync(app, Clerk, new SkipTicket(called.Id))).Ticket!;
        var skippedAgain = await SendAsync(app, Clerk, new SkipTicket(called.Id));
        var recallWaiting = await SendAsync(app, Clerk, new RecallTicket(waiting.Id));

        Assert.Equal((1, At("2026-03-02T08:02:00+07:00")), (recalled.Recalls, recalled.RecalledAt));
        Assert.Equal((TicketStates.Skipped, null), (skipped.State, skipped.CaseId));
        Assert.NotNull(skipped.ClosedAt);
        Assert.Equal(("ticket-state.skip", "ticket-state.recall"),
            (skippedAgain.Rejection!.Key, recallWaiting.Rejection!.Key));
        Assert.Contains("đã bị bỏ qua", skippedAgain.Rejection.MessageIn(CultureInfo.GetCultureInfo("vi-VN")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiving_a_dossier_for_a_called_ticket_serves_it_linked_to_the_case()
    {
        await using var app = await StartAsync(Morning);
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        var called = (await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 1))).Ticket!;
        var received = await app.ReceiveLandTransferAsync();

        var served = (await SendAsync(app, Clerk, new RecordVisit(called.Id, "dossier", received.Id, null))).Ticket!;
        var again = await SendAsync(app, Clerk, new RecordVisit(called.Id, "advice", null, null));

        Assert.Equal((TicketStates.Served, "dossier", received.Id), (served.State, served.Visit, served.CaseId));
        Assert.Equal(received.DossierCode, served.DossierCode);
        Assert.Equal("ticket-state.visit", again.Rejection!.Key);
        var found = await app.AsAsync(Clerk, m => m.Send(new GetTicket(called.Id),
            TestContext.Current.CancellationToken));
        Assert.Equal(received.DossierCode, found.Ticket!.DossierCode);
        var details = await app.AsAsync(Clerk, m => m.Send(new GetCase(received.Id),
            TestContext.Current.CancellationToken));
        Assert.Equal(new CaseTicket(1, 1), details.Details!.Ticket);
    }

    [Fact]
    public async Task Advice_only_serves_the_ticket_with_its_note_and_a_dossier_must_be_the_centres()
    {
        await using var app = await StartAsync(Morning);
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        var first = (await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 1))).Ticket!;
        var second = (await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 1))).Ticket!;

        var advice = (await SendAsync(app, Clerk, new RecordVisit(first.Id, "advice", null, "Hỏi lệ phí"))).Ticket!;
        var unknownCase = await SendAsync(app, Clerk, new RecordVisit(second.Id, "dossier", "no-such-case", null));

        Assert.Equal((TicketStates.Served, "advice", "Hỏi lệ phí"), (advice.State, advice.Visit, advice.Note));
        Assert.Equal(("not-found.visit-case", "caseId"), (unknownCase.Rejection!.Key, unknownCase.Rejection.Field));
    }

    [Fact]
    public async Task A_visit_links_no_case_of_another_commune_and_its_note_is_bounded_text()
    {
        await using var app = await StartAsync(Morning);
        await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        var called = (await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", 1))).Ticket!;
        var elsewhere = (await app.SendAsync(People.ClerkHongAn, new ReceiveCase("land-use-transfer", "HP.HONGAN")
        {
            Fields = LandTransferFields.Complete, Components = LandTransferFields.Components,
        })).Case!;

        var linked = await SendAsync(app, Clerk, new RecordVisit(called.Id, "dossier", elsewhere.Id, null));
        var unknown = await SendAsync(app, Clerk, new RecordVisit(called.Id, "dossier", "no-such-case", null));
        var tooLong = await SendAsync(app, Clerk, new RecordVisit(called.Id, "advice", null, new string('x', 2001)));
        var bidi = await SendAsync(app, Clerk, new RecordVisit(called.Id, "advice", null, "Hỏi \u202Eệhp ễl"));
        var lines = await SendAsync(app, Clerk, new RecordVisit(called.Id, "advice", null, "Hỏi lệ phí\nvà thời hạn"));

        Assert.Equal(("not-found.visit-case", "caseId"), (linked.Rejection!.Key, linked.Rejection.Field));
        Assert.Equal(unknown.Rejection!.Message.Replace("no-such-case", elsewhere.Id, StringComparison.Ordinal),
            linked.Rejection.Message);
        Assert.Equal(("field-invalid.too-long", "note"), (tooLong.Rejection!.Key, tooLong.Rejection.Field));
        Assert.Equal(("field-invalid.control-character", "note"), (bidi.Rejection!.Key, bidi.Rejection.Field));
        Assert.Contains("U+202E", bidi.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStates.Served, lines.Ticket!.State);
    }

    [Fact]
    public async Task Only_the_centres_clerks_and_leaders_work_its_queue()
    {
        await using var app = await StartAsync(Morning);
        var ticket = (await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"))).Ticket!;

        var refusals = new[]
        {
            (await SendAsync(app, People.OfficerCn1, new IssueTicket("HP.LECHAN"))).Rejection,
            (await SendAsync(app, People.ClerkHongAn, new CallNextTicket("HP.LECHAN", 1))).Rejection,
            (await SendAsync(app, People.ClerkHongAn, new SkipTicket(ticket.Id))).Rejection,
            (await app.AsAsync(People.Auditor, m => m.Send(new ListQueueTickets("HP.LECHAN"),
                TestContext.Current.CancellationToken))).Rejection,
        };

        Assert.All(refusals, r => Assert.Equal(RejectionCodes.Forbidden, r!.Code));
    }

    [Fact]
    public async Task Sixteen_clerks_calling_at_once_on_eight_waiting_tickets_get_each_ticket_exactly_once()
    {
        await using var app = await StartAsync(Morning);
        for (var i = 0; i < 8; i++)
        {
            await SendAsync(app, Clerk, new IssueTicket("HP.LECHAN"));
        }

        var calls = await Task.WhenAll(Enumerable.Range(1, 16).Select(counter => Task.Run(async () =>
            await SendAsync(app, Clerk, new CallNextTicket("HP.LECHAN", counter)))));

        var called = calls.Where(c => c.Ticket is not null).Select(c => c.Ticket!).ToList();
        Assert.Equal(Enumerable.Range(1, 8), called.Select(t => t.Number).Order());
        Assert.Equal(8, called.Select(t => t.Counter).Distinct().Count());
        Assert.All(calls.Where(c => c.Ticket is null), c => Assert.Equal(RejectionCodes.QueueEmpty, c.Rejection!.Code));
        var queue = await app.AsAsync(Clerk, m => m.Send(new ListQueueTickets("HP.LECHAN"),
            TestContext.Current.CancellationToken));
        Assert.All(queue.Tickets, t => Assert.Equal(TicketStates.Called, t.State));
        Assert.Equal(called.OrderBy(t => t.Number).Select(t => t.Counter), queue.Tickets.Select(t => t.Counter));
    }

    private static Task<TicketResult> SendAsync(TestApp app, Actor actor, ICommand<TicketResult> command) =>
        app.AsAsync(actor, m => m.Send(command, TestContext.Current.CancellationToken));
}

public sealed class SqliteQueueTests() : QueueContract(StorageProvider.Sqlite);

public sealed class PostgresQueueTests() : QueueContract(StorageProvider.Postgres);
