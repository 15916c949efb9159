using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using static OneStopWorkflow.Engine.Tests.Runtime.LandTransfer;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Every text the engine keeps is bounded, printable and free of text-direction tricks; dates lie in their bounds;
/// a refusal repeats at most 100 characters of what was sent (issue 16, point 7).
/// </summary>
public sealed class BoundedInputTests
{
    private const string Monday = "2026-03-02T09:00:00+07:00";

    private static Decision Receive(ImmutableDictionary<string, string> fields, string now = Monday) =>
        Decide(null, now, new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN")
        {
            Fields = fields, Components = LandTransferFields.Components,
        });

    private static Rejection Refusal(Decision decision) => Assert.Single(decision.Rejections);

    [Fact]
    public void A_text_field_without_max_length_keeps_500_characters_and_no_more()
    {
        Assert.False(Receive(Fields.SetItem("parcel_number", new string('7', 500))).IsRejected);

        var refused = Refusal(Receive(Fields.SetItem("parcel_number", new string('7', 1_000_000))));

        Assert.Equal(("field-invalid.too-long", "parcel_number"), (refused.Key, refused.Field));
        Assert.Contains("500", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Message.Length < 300, refused.Message);
    }

    [Fact]
    public void A_field_that_sets_its_max_length_is_held_to_it()
    {
        var refused = Refusal(Receive(Fields.SetItem("applicant_phone", new string('0', 21))));

        Assert.Equal(("field-invalid.too-long", "applicant_phone"), (refused.Key, refused.Field));
        Assert.Contains("20", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nguyễn\u0000Văn A", "U+0000")]
    [InlineData("Nguyễn Văn A\u202E", "U+202E")]
    [InlineData("\u202ANguyễn Văn A", "U+202A")]
    [InlineData("Nguyễn \u2066Văn A", "U+2066")]
    [InlineData("Nguyễn \u2069Văn A", "U+2069")]
    [InlineData("Nguyễn\u001BVăn A", "U+001B")]
    [InlineData("Nguyễn\u0085Văn A", "U+0085")]
    [InlineData("Nguyễn\nVăn A", "U+000A")]
    public void Control_and_text_direction_characters_are_refused_naming_the_field_and_the_character(
        string name, string character)
    {
        var refused = Refusal(Receive(Fields.SetItem("applicant_name", name)));

        Assert.Equal(("field-invalid.control-character", "applicant_name"), (refused.Key, refused.Field));
        Assert.Contains(character, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_may_run_over_lines_up_to_2000_characters()
    {
        var received = Received(Monday);
        var lines = "Hồ sơ vượt thẩm quyền.\nĐề nghị Sở xem xét.\tXin cảm ơn.";

        var handedUp = Decide(received.State, "2026-03-02T10:00:00+07:00",
            new HandUpCommand(Officer, "parent", lines));
        var tooLong = Decide(received.State, "2026-03-02T10:00:00+07:00",
            new HandUpCommand(Officer, "parent", new string('x', 2001)));
        var overridden = Decide(received.State, "2026-03-02T10:00:00+07:00",
            new WithdrawCommand(Clerk, "Người nộp rút \u202Eđơn"));

        Assert.False(handedUp.IsRejected, string.Join("; ", handedUp.Rejections));
        Assert.Equal(("field-invalid.too-long", "reason"), (Refusal(tooLong).Key, Refusal(tooLong).Field));
        Assert.Contains("2000", Refusal(tooLong).Message, StringComparison.Ordinal);
        Assert.Equal("field-invalid.control-character", Refusal(overridden).Key);
    }

    [Fact]
    public void An_action_input_is_a_reason_of_up_to_2000_characters()
    {
        var received = Decide(null, Monday, new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN")
        {
            Fields = Fields, Components = LandTransferFields.Components, IntakeAction = "refuse",
            Input = ImmutableDictionary<string, string>.Empty.Add("reason", new string('x', 2001)),
        });

        Assert.Equal(("field-invalid.too-long", "reason"), (Refusal(received).Key, Refusal(received).Field));
    }

    [Theory]
    [InlineData("2026-03-02", false)]
    [InlineData("2026-03-03", true)]
    [InlineData("9999-12-31", true)]
    public void A_contract_date_after_today_is_refused(string contractDate, bool refused)
    {
        var decision = Receive(Fields.SetItem("contract_date", contractDate));

        Assert.Equal(refused, decision.IsRejected);
        if (refused)
        {
            Assert.Equal(
                ("field-invalid.date-after", "contract_date"), (Refusal(decision).Key, Refusal(decision).Field));
            Assert.Contains("2026-03-02", Refusal(decision).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_date_field_without_bounds_lies_in_the_calendars_years()
    {
        ImmutableArray<FieldDefinition> birth =
        [
            new() { Name = "child_birth_date", Type = FieldType.Date, Label = new("Ngày sinh", "Date of birth") },
        ];
        var limits = DateLimits.Of(Context(Monday));
        string[] dates = ["1024-01-01", "2025-01-01", "2026-12-31", "2027-01-01"];

        var problems = dates.Select(d => FieldValidator.Validate(
            birth, ImmutableDictionary<string, string>.Empty.Add("child_birth_date", d), limits)).ToList();

        Assert.Equal(["field-invalid.date-before", null, null, "field-invalid.date-after"],
            problems.Select(p => p.IsEmpty ? null : Assert.Single(p).Key));
        Assert.Contains("2025-01-01", problems[0][0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_quotes_at_most_100_characters_of_what_was_sent()
    {
        var huge = "1" + new string('x', 1_000_000);
        var area = Refusal(Receive(Fields.SetItem("area_m2", huge[..400])));
        var unknown = Refusal(Receive(Fields.SetItem(new string('z', 100_000), "1")));
        var action = Decide(Received(Monday).State, "2026-03-02T10:00:00+07:00",
            new ActCommand(Officer, new string('a', 100_000)));

        Assert.Contains(huge[..100] + "…", area.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(huge[..101], area.Message, StringComparison.Ordinal);
        Assert.Contains(new string('z', 100) + "…", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('z', 101), unknown.Message, StringComparison.Ordinal);
        Assert.True(Refusal(action).Message.Length < 1000, Refusal(action).Message[..200]);
    }

    [Fact]
    public void The_trail_keeps_the_hash_of_the_receipts_secret_never_the_secret()
    {
        var decision = Decide(null, Monday, new ReceiveCommand(Clerk, new CaseId("c1"), "HP.LECHAN")
        {
            Fields = Fields, Components = LandTransferFields.Components, Secret = "ab12cd34",
        });

        var received = Assert.IsType<CaseReceived>(decision.Events[0]);
        Assert.Equal(LookupSecret.Hash("c1", "ab12cd34"), received.SecretHash);
        Assert.Equal(LookupSecret.HashLength, received.SecretHash!.Length);
        Assert.True(LookupSecret.Matches("c1", decision.State!.SecretHash, " AB12CD34 "));
        Assert.False(LookupSecret.Matches("c1", decision.State.SecretHash, "ab12cd35"));
        Assert.False(LookupSecret.Matches("c2", decision.State.SecretHash, "ab12cd34"));
        Assert.False(LookupSecret.Matches(null, null, "ab12cd34"));
        Assert.DoesNotContain(decision.Events, e => e.ToString().Contains("ab12cd34", StringComparison.Ordinal));
    }
}
