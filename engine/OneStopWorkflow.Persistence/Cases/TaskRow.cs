using OneStopWorkflow.Engine.Runtime;
using TaskStatus = OneStopWorkflow.Engine.Runtime.TaskStatus;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>A task of a case as the inbox sees it: which unit and role owns it, when it is due, how it ended.</summary>
public sealed class TaskRow
{
    public long Id { get; set; }
    public string CaseId { get; set; } = null!;
    public string TaskId { get; set; } = null!;
    public string Step { get; set; } = null!;
    public string Unit { get; set; } = null!;
    public string? Role { get; set; }
    public TaskStatus Status { get; set; }
    public DateTimeOffset ActivatedAt { get; set; }
    public DateTimeOffset? Due { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Action { get; set; }

    /// <summary>Working hours from activation to completion on the case's calendar, for "where time is lost".</summary>
    public double? WorkingHours { get; set; }
}

