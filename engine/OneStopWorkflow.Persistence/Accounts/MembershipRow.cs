namespace OneStopWorkflow.Persistence.Accounts;

/// <summary>A role a user holds at a unit: clerk at HP.LECHAN, land-officer at HP.VPDKDD.CN1, auditor at HP.</summary>
public sealed class MembershipRow
{
    public long Id { get; set; }
    public string UserId { get; set; } = null!;
    public string Unit { get; set; } = null!;
    public string Role { get; set; } = null!;

    /// <summary>The position (chức danh) printed under the person's name there; null when not recorded.</summary>
    public string? Position { get; set; }
}
