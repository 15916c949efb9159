namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// One way out of a step: an action (with its title), the next step, a branch, the join or the resubmission.
/// <see cref="Key"/> is unique in the draft.
/// </summary>
public sealed record DraftLink(string Key, string From, string To, DraftLinkKind Kind, string? TitleVi, string? TitleEn)
{
    public string? Title(bool english) => english ? TitleEn ?? TitleVi : TitleVi ?? TitleEn;
}
