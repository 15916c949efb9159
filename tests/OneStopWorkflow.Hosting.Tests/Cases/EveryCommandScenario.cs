using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>
/// One land transfer taken through every kind of command: reassigned, handed up, sent back for a supplement and
/// resubmitted, sent to tax, rescheduled with an apology, and withdrawn. Each command must be accepted.
/// </summary>
internal static class EveryCommandScenario
{
    public const string Start = "2026-03-02T09:00:00+07:00";

    public const string SupplementReason = "Thiếu văn bản đồng ý của bên nhận thế chấp";

    public const string WithdrawalReason = "Hai bên hủy hợp đồng";

    private static readonly Actor OfficerCity = new("officer.city", [new Membership("HP.VPDKDD", "land-officer")]);

    /// <summary>
    /// Runs the scenario on <paramref name="app"/>, started at <see cref="Start"/>; each command after the receipt
    /// goes through <paramref name="send"/> when given (to look at the case around it), else straight to the app.
    /// </summary>
    public static async Task<(CaseView Received, CaseView Withdrawn)> RunAsync(
        TestApp app, Func<Actor, ICaseRequest, Task<CaseResult>>? send = null)
    {
        var received = await app.ReceiveLandTransferAsync();
        Assert.Equal("HP.LECHAN-260302-0001", received.DossierCode);

        async Task<CaseView> Do(string at, Actor actor, ICaseRequest request)
        {
            app.Clock.SetUtcNow(StoreContract.At(at));
            var result = await (send ?? app.SendAsync)(actor, request);
            Assert.False(result.IsRejected, $"{request}: {string.Join("; ", result.Rejections)}");
            return result.Case!;
        }

        var id = received.Id;
        await Do("2026-03-02T10:00:00+07:00", People.LeaderCn1,
            new ReassignCase(id, "HP.VPDKDD.CN2", "CN1 is short of staff"));
        await Do("2026-03-02T11:00:00+07:00", People.OfficerCn2,
            new HandUpCase(id, "parent", "Parcel spans two wards"));
        await Do("2026-03-03T09:00:00+07:00", OfficerCity, new ActOnCase(id, "request-supplement")
        {
            Input = new Dictionary<string, string> { ["reason"] = SupplementReason }.ToImmutableDictionary(),
        });
        await Do("2026-03-05T09:00:00+07:00", People.ClerkLeChan, new ResubmitCase(id));

        // After a supplement the review starts again at the unit the step names, the branch office.
        var beforeApology = await Do("2026-03-05T10:00:00+07:00", People.OfficerCn1, new ActOnCase(id, "send-to-tax"));
        await Do("2026-03-05T11:00:00+07:00", People.LeaderCn1,
            new RescheduleCase(id, beforeApology.Appointment!.Value.AddDays(3), "Chờ kết quả đo đạc lại"));
        var withdrawn = await Do("2026-03-06T09:00:00+07:00", People.ClerkLeChan,
            new WithdrawCase(id, WithdrawalReason));
        Assert.Equal("finished", withdrawn.Status);
        Assert.Equal("withdrawn", withdrawn.Outcome);
        return (received, withdrawn);
    }
}
