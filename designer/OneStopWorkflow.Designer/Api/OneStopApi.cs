using System.Collections.Immutable;
using System.Globalization;
using Mediator;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Hosting.Catalog;
using OneStopWorkflow.Hosting.Inbox;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Reception;
using OneStopWorkflow.Persistence.Cases;

namespace OneStopWorkflow.Designer.Api;

/// <summary>
/// The HTTP API under /api: the same Mediator commands and queries as the UI, with cookie or bearer
/// authentication; the handlers check authorization again. Described at /api/openapi.json.
/// </summary>
public static class OneStopApi
{
    public sealed record ReceiveBody(
        string? Procedure, string? Unit, int? Version, string? Channel, Dictionary<string, string>? Fields,
        string? IntakeAction, Dictionary<string, string>? Input, List<ComponentBody>? Components);

    /// <summary>
    /// A paper handed in: the component's id in the procedure, its form (<c>original</c> unless given,
    /// <c>certified-copy</c> or <c>copy</c>) and how many (1 unless given).
    /// </summary>
    public sealed record ComponentBody(string? Component, string? Form, int? Quantity);

    public sealed record ResubmitBody(
        List<ComponentBody>? Components, Dictionary<string, string>? Fields, int? ExpectedVersion);

    public sealed record ActBody(
        string? Action, string? Step, Dictionary<string, string>? Input, int? ExpectedVersion);

    public sealed record MoveBody(string? To, string? Reason, string? Step, int? ExpectedVersion);

    public sealed record RescheduleBody(DateTimeOffset? NewAppointment, string? Reason, int? ExpectedVersion);

    public sealed record ReasonBody(string? Reason, int? ExpectedVersion);

    public sealed record CallBody(int? Counter);

    public sealed record VisitBody(string? Visit, string? CaseId, string? Note);

    public sealed record RatingBody(string? DossierCode, string? Secret, int? Score, string? Comment);

    public static void MapOneStopApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("OneStopWorkflow");

        api.MapGet("/procedures", (IMediator m, CancellationToken ct) => m.Send(new ListProcedureVersions(), ct))
            .WithSummary("Stored procedure versions, newest first.");

        api.MapPost("/cases", async (ReceiveBody body, IMediator m, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(body.Procedure) ? ApiResults.Missing("procedure", "land-use-transfer")
            : string.IsNullOrWhiteSpace(body.Unit) ? ApiResults.Missing("unit", "HP.LECHAN")
            : (NullEntry(("fields", body.Fields), ("input", body.Input)) ?? NullPaper(body.Components)) is { } missing
                ? missing
            : Case(await m.Send(new ReceiveCase(body.Procedure, body.Unit)
            {
                Version = body.Version, Channel = body.Channel ?? "counter", Fields = Map(body.Fields),
                IntakeAction = body.IntakeAction ?? "accept", Input = Map(body.Input),
                Components = Papers(body.Components),
            }, ct), StatusCodes.Status201Created))
            .WithSummary(
                "Receive a dossier: creates the case and issues the receipt (or the supplement request or refusal). "
                + "List the papers handed in under components; without them none are recorded, and accepting a "
                + "dossier whose procedure requires papers is refused.");

        api.MapGet("/cases/{key}", async (string key, IMediator m, CancellationToken ct) =>
            await m.Send(new GetCase(key), ct) is var found && found.Rejection is { } r
                ? ApiResults.Problem([r])
                : Results.Ok(found.Details))
            .WithSummary("A case by id or dossier code, with its trail, documents and the actions you may take.");

        api.MapGet("/cases/{id}/actions", async (string id, IMediator m, CancellationToken ct) =>
            await m.Send(new GetAvailableActions(id), ct) is var found && found.Rejection is { } r
                ? ApiResults.Problem([r])
                : Results.Ok(found.Details!.AvailableActions))
            .WithSummary("The actions you may take on a case now.");

        api.MapPost("/cases/{id}/act", (string id, ActBody body, IMediator m, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(body.Action) ? Task.FromResult(ApiResults.Missing("action", "send-to-tax"))
            : NullEntry(("input", body.Input)) is { } missing ? Task.FromResult(missing)
            : SendAsync(m, new ActOnCase(id, body.Action)
            {
                Step = body.Step, Input = Map(body.Input), ExpectedVersion = body.ExpectedVersion,
            }, ct))
            .WithSummary("Take an action on an open task.");

        api.MapPost("/cases/{id}/resubmit", (string id, ResubmitBody body, IMediator m, CancellationToken ct) =>
            (NullEntry(("fields", body.Fields)) ?? NullPaper(body.Components)) is { } missing ? Task.FromResult(missing)
            : SendAsync(m, new ResubmitCase(id)
            {
                ExpectedVersion = body.ExpectedVersion, Components = Papers(body.Components), Fields = Map(body.Fields),
            }, ct))
            .WithSummary("Record the applicant's supplement: the papers added and the fields given or corrected.");

        api.MapPost("/cases/{id}/hand-up", (string id, MoveBody body, IMediator m, CancellationToken ct) =>
            SendAsync(m, new HandUpCase(id, body.To ?? "parent", body.Reason ?? "")
            {
                Step = body.Step, ExpectedVersion = body.ExpectedVersion,
            }, ct))
            .WithSummary("Hand a task up to the province, with a reason.");

        api.MapPost("/cases/{id}/reassign", (string id, MoveBody body, IMediator m, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(body.To) ? Task.FromResult(ApiResults.Missing("to", "HP.VPDKDD"))
            : SendAsync(m, new ReassignCase(id, body.To, body.Reason ?? "")
            {
                Step = body.Step, ExpectedVersion = body.ExpectedVersion,
            }, ct))
            .WithSummary("A leader moves a task to another unit.");

        api.MapPost("/cases/{id}/reschedule", (string id, RescheduleBody body, IMediator m, CancellationToken ct) =>
            body.NewAppointment is not { } date
                ? Task.FromResult(ApiResults.Missing("newAppointment", "2026-03-20T09:00:00+07:00"))
            : SendAsync(m, new RescheduleCase(id, date, body.Reason ?? "")
            {
                ExpectedVersion = body.ExpectedVersion,
            }, ct))
            .WithSummary("The apology: a new promised date, once.");

        api.MapPost("/cases/{id}/withdraw", (string id, ReasonBody body, IMediator m, CancellationToken ct) =>
            SendAsync(m, new WithdrawCase(id, body.Reason ?? "") { ExpectedVersion = body.ExpectedVersion }, ct))
            .WithSummary("The applicant withdraws the dossier.");

        api.MapGet("/inbox/{unit}", async (
            string unit, string? procedure, string? status, string? text, int? skip, int? take, IMediator m,
            CancellationToken ct) =>
            await m.Send(new GetInbox(unit)
            {
                Procedure = procedure, Status = status, Text = text, Skip = skip ?? 0,
                Limit = Math.Clamp(take ?? 50, 1, 500),
            }, ct)
                is var found && found.Rejection is { } r ? ApiResults.Problem([r]) : Results.Ok(found))
            .WithSummary("A unit's open tasks, soonest due first.");

        api.MapGet("/reception/{centre}/tickets", async (string centre, IMediator m, CancellationToken ct) =>
            await m.Send(new ListQueueTickets(centre), ct) is var q && q.Rejection is { } r
                ? ApiResults.Problem([r])
                : Results.Ok(q.Tickets))
            .WithSummary("Today's queue of a centre: every ticket in number order, with its state.");

        api.MapPost("/reception/{centre}/tickets", async (string centre, IMediator m, CancellationToken ct) =>
            Ticket(await m.Send(new IssueTicket(centre), ct)))
            .WithSummary("Issue the centre's next number to a citizen (the kiosk): the ticket waits to be called.");

        api.MapPost("/reception/{centre}/calls", (string centre, CallBody body, IMediator m, CancellationToken ct) =>
            body.Counter is not { } counter ? Task.FromResult(ApiResults.Missing("counter", "3"))
            : TicketAsync(m.Send(new CallNextTicket(centre, counter), ct)))
            .WithSummary("Call the citizen who has waited longest to a counter.");

        api.MapPost("/reception/tickets/{id:long}/recall", async (long id, IMediator m, CancellationToken ct) =>
            Ticket(await m.Send(new RecallTicket(id), ct)))
            .WithSummary("Call a ticket being called once more.");

        api.MapPost("/reception/tickets/{id:long}/skip", async (long id, IMediator m, CancellationToken ct) =>
            Ticket(await m.Send(new SkipTicket(id), ct)))
            .WithSummary("Skip a ticket being called: the citizen is absent.");

        api.MapPost("/reception/tickets/{id:long}/visit", async (
            long id, VisitBody body, IMediator m, CancellationToken ct) =>
            Ticket(await m.Send(new RecordVisit(id, body.Visit ?? "", body.CaseId, body.Note), ct)))
            .WithSummary("Serve a ticket being called: advice only, or the dossier received for it.");

        // The lookup limit (per client address and per dossier code) is the handler's, as for the page: 429 here.
        var lookup = app.MapGroup("/api/lookup").AllowAnonymous().WithTags("Public lookup");
        lookup.MapGet("", async (string? code, string? secret, HttpContext http, IMediator m, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(secret)
                ? ApiResults.Missing("code", "HP.LECHAN-260302-0001")
                : await m.Send(new LookupCase(code, secret) { Client = ClientOf(http) }, ct) is var found
                    && found.Rejection is { } r
                    ? LookupProblem(http, r)
                    : Results.Ok(found.Case))
            .WithSummary("A citizen's view of a dossier, by code and secret.");
        lookup.MapPost("/rating", async (RatingBody body, HttpContext http, IMediator m, CancellationToken ct) =>
            body.Score is not { } score ? ApiResults.Missing("score", "5")
            : await m.Send(new RateCase(body.DossierCode ?? "", body.Secret ?? "", score, body.Comment)
                { Client = ClientOf(http) }, ct) is { Rejection: { } r } ? LookupProblem(http, r)
            : Results.NoContent())
            .WithSummary("Rate a finished dossier once.");
    }

    /// <summary>A refused lookup or rating; the limit says in <c>Retry-After</c> when to try again.</summary>
    internal static IResult LookupProblem(HttpContext http, Rejection rejection)
    {
        if (rejection.Code == RejectionCodes.LookupLimited
            && rejection.Values.TryGetValue("minutes", out var minutes)
            && int.TryParse(minutes.En, CultureInfo.InvariantCulture, out var count))
        {
            http.Response.Headers.RetryAfter = (count * 60).ToString(CultureInfo.InvariantCulture);
        }

        return ApiResults.Problem([rejection]);
    }

    /// <summary>The address a request came from, which the lookup limit counts by.</summary>
    internal static string? ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static async Task<IResult> SendAsync(
        IMediator mediator, ICaseRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return Case(await mediator.Send(request, cancellationToken), StatusCodes.Status200OK);
        }
        catch (ConcurrencyConflictException)
        {
            return ApiResults.Conflict(request.CaseId);
        }
    }

    private static IResult Ticket(TicketResult result) =>
        result.Rejection is { } r ? ApiResults.Problem([r]) : Results.Ok(result.Ticket);

    private static async Task<IResult> TicketAsync(ValueTask<TicketResult> result) => Ticket(await result);

    private static IResult Case(CaseResult result, int status) =>
        result.IsRejected ? ApiResults.Problem(result.Rejections)
        : status == StatusCodes.Status201Created ? Results.Created($"/api/cases/{result.Case!.Id}", result.Case)
        : Results.Ok(result.Case);

    /// <summary>
    /// A JSON null where a map holds text (<c>"fields": { "parcel_number": null }</c>) names that entry.
    /// </summary>
    private static IResult? NullEntry(params (string Name, Dictionary<string, string>? Values)[] maps) =>
        maps.SelectMany(m => (m.Values ?? []).Where(v => v.Value is null).Select(v => $"{m.Name}.{v.Key}"))
            .FirstOrDefault() is { } field
            ? ApiResults.Missing(field, "\"215\"")
            : null;

    /// <summary>A JSON null in the list of papers handed in names its place.</summary>
    private static IResult? NullPaper(List<ComponentBody>? papers) =>
        papers?.FindIndex(p => p is null) is >= 0 and var at
            ? ApiResults.Missing($"components[{at}]", "{ \"component\": \"form-18\" }")
            : null;

    private static ImmutableArray<Engine.Runtime.ReceivedComponent> Papers(List<ComponentBody>? papers) =>
        [.. (papers ?? []).Select(p => new Engine.Runtime.ReceivedComponent(
            p.Component ?? "", p.Form ?? "original", p.Quantity ?? 1))];

    private static ImmutableDictionary<string, string> Map(Dictionary<string, string>? values) =>
        values?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty;
}
