using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Persistence.Trail;

namespace OneStopWorkflow.Persistence.Tests.Trail;

/// <summary>
/// Every kind of event survives the trip into a trail payload and back, and the hash covers every column.
/// </summary>
public sealed class EventSerializerTests
{
    private static readonly DateTimeOffset At =
        DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture);
    private static readonly EventActor Clerk = new("clerk.lechan", "clerk", "HP.LECHAN");

    private static readonly CaseReceived Received = new(At, Clerk, new CaseId("c1"),
        new ProcedureCode("land-use-transfer"), 1, "abc", "HP.LECHAN-260302-0001", "s3cr", "HP.LECHAN", "counter",
        ImmutableDictionary<string, string>.Empty.Add("applicant_name", "Nguyễn Văn An"));

    public static TheoryData<CaseEvent> Events() =>
    [
        Received,
        Received with { Book = new TrackingBookEntry(1, 125) },
        new ClockStarted(At, Clerk, At.AddDays(10)),
        new ClockPaused(At, Clerk, new StepId("tax-obligation")),
        new ClockResumed(At, Clerk, TimeSpan.FromHours(9.5), At.AddDays(12)),
        new ClockRestarted(At, Clerk, At.AddDays(14)),
        new TaskActivated(
            At, Clerk, "t2", new StepId("land-review"), "HP.VPDKDD.CN1", "land-officer", At.AddDays(4), null),
        new TaskCompleted(
            At, Clerk, "t2", "send-to-tax", ImmutableDictionary<string, string>.Empty.Add("reason", "đủ")),
        new TaskCancelled(At, Clerk, "t3"),
        new TaskReassigned(At, Clerk, "t2", "HP.VPDKDD.CN1", "HP.VPDKDD", "quá hạn"),
        new BranchJoined(At, Clerk, new StepId("join"), new StepId("tax")),
        new EscalationFired(At, Clerk, "t2/overdue", "overdue", new StepId("land-review"), "leader", "HP.VPDKDD"),
        new DocumentIssued(At, Clerk, "receipt", "01", new StepId("intake")),
        new CaseRescheduled(At, Clerk, At.AddDays(20), "xin lỗi"),
        new CaseFinished(At, Clerk, Outcome.Withdrawn, "hủy hợp đồng"),
        new ComponentsHandedIn(At, Clerk,
        [
            new ReceivedComponent("transfer-contract", "original", 1),
            new ReceivedComponent("land-certificate", "certified-copy", 2)
            {
                Scans = [new ScanReference("s1", "giay-chung-nhan.pdf", "application/pdf", 2048, "ab12")],
            },
        ]),
        new FieldsSupplemented(At, Clerk, ImmutableDictionary<string, string>.Empty.Add("area_m2", "120,5")),
        new EResultIssued(At, Clerk, "certificate", "e-results/c1.pdf", 4096, "cd34"),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_reads_back_equal_to_what_was_written(CaseEvent e)
    {
        var payload = EventSerializer.Serialize(e);
        var back = EventSerializer.Deserialize(e.Type, payload);

        Assert.Equal(payload, EventSerializer.Serialize(back));
        Assert.Equal(e.GetType(), back.GetType());
        Assert.Equal((e.At, e.Actor), (back.At, back.Actor));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void The_generated_metadata_writes_and_reads_the_bytes_reflection_does(CaseEvent e)
    {
        var reflection = new JsonSerializerOptions(EventSerializer.PayloadOptions)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        var named = e with { Actor = Clerk with { Name = "Nguyễn Thị Hoa", Position = "Công chức một cửa" } };

        foreach (var one in new[] { e, named })
        {
            var payload = JsonSerializer.Serialize(one, one.GetType(), reflection);
            Assert.Equal(payload, EventSerializer.Serialize(one));
            Assert.Equal(payload, EventSerializer.Serialize(EventSerializer.Deserialize(one.Type, payload)));
        }
    }

    [Fact]
    public void A_receipt_records_its_book_entry_and_one_written_before_books_were_kept_reads_and_writes_as_stored()
    {
        var received = Received;
        var before = EventSerializer.Serialize(received);
        var withBook = EventSerializer.Serialize(received with { Book = new TrackingBookEntry(1, 125) });

        Assert.DoesNotContain("book", before, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"book\":{\"volume\":1,\"number\":125}", withBook, StringComparison.Ordinal);
        Assert.Equal(new TrackingBookEntry(1, 125),
            ((CaseReceived)EventSerializer.Deserialize(received.Type, withBook)).Book);
        var old = (CaseReceived)EventSerializer.Deserialize(received.Type, before);
        Assert.Null(old.Book);
        Assert.Equal(before, EventSerializer.Serialize(old));
    }

    [Fact]
    public void Identifiers_are_plain_strings_in_the_payload_and_unknown_types_are_refused()
    {
        var payload = EventSerializer.Serialize(new BranchJoined(At, Clerk, new StepId("join"), new StepId("tax")));

        Assert.Contains("\"join\":\"join\"", payload, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => EventSerializer.Deserialize("case-teleported", "{}"));
    }

    [Fact]
    public void Changing_any_column_of_an_entry_changes_its_hash()
    {
        static EventRow Row() => new()
        {
            CaseId = "c1", Sequence = 3, Type = "task-completed", At = At, User = "u", Role = "r", Unit = "HP",
            Payload = "{}", PreviousHash = TrailHash.Genesis,
        };
        var hash = TrailHash.Compute(Row());
        Action<EventRow>[] changes =
        [
            r => r.CaseId = "c2", r => r.Sequence = 4, r => r.Type = "task-cancelled", r => r.At = r.At.AddTicks(1),
            r => r.User = "v", r => r.Role = "s", r => r.Unit = "HQ", r => r.Payload = "{ }", r => r.PreviousHash = "1",
            // Moving text between neighbouring fields must not give the same input: each field carries its length.
            r => (r.User, r.Role) = ("ur", ""),
        ];

        Assert.Equal(hash, TrailHash.Compute(Row()));
        Assert.All(changes, change =>
        {
            var row = Row();
            change(row);
            Assert.NotEqual(hash, TrailHash.Compute(row));
        });
    }
}
