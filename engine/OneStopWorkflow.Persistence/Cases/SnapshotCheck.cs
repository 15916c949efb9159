using System.Globalization;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Persistence.Cases;

/// <summary>
/// Whether a case's snapshot (its row and its task rows, which the writer keeps so that nobody replays the trail to
/// read a case) says what the fold of its trail says. The trail is the truth: a difference is reported, never
/// repaired here. The next tick and a scanner's lease are not facts of the trail and are not compared.
/// </summary>
public static class SnapshotCheck
{
    /// <summary>What the snapshot says differently from <paramref name="folded"/>, one sentence a difference.</summary>
    public static IReadOnlyList<string> Differences(
        CaseRow row, IReadOnlyList<TaskRow> tasks, CaseState folded, WorkingCalendar calendar,
        ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(folded);
        var expected = CaseRows.Copy(row);
        CaseRows.Snapshot(expected, folded, row.NextDueAt, calendar, procedure);
        List<string> differences = [];
        Compare("dossier_code", row.DossierCode, expected.DossierCode);
        Compare("secret", row.SecretHash, expected.SecretHash);
        Compare("procedure", $"{row.ProcedureCode} v{row.ProcedureVersion} {row.ProcedureHash}",
            $"{expected.ProcedureCode} v{expected.ProcedureVersion} {expected.ProcedureHash}");
        Compare("receiving_unit", row.ReceivingUnit, expected.ReceivingUnit);
        Compare("channel", row.Channel, expected.Channel);
        Compare("status", row.Status, expected.Status);
        Compare("received_at", row.ReceivedAt, expected.ReceivedAt);
        Compare("appointment", row.Appointment, expected.Appointment);
        Compare("promised_appointment", row.PromisedAppointment, expected.PromisedAppointment);
        Compare("finished_at", row.FinishedAt, expected.FinishedAt);
        Compare("outcome", row.Outcome, expected.Outcome);
        Compare("timeliness", row.Timeliness, expected.Timeliness);
        Compare("received_day", row.ReceivedDay, expected.ReceivedDay);
        Compare("finished_day", row.FinishedDay, expected.FinishedDay);
        Compare("version", row.Version, expected.Version);
        Compare("supplement_requests", row.SupplementRequests, expected.SupplementRequests);
        Compare("processing_minutes", row.ProcessingMinutes, expected.ProcessingMinutes);
        Compare("late_by_supplements", row.LateBySupplements, expected.LateBySupplements);
        Compare("paper_result", row.PaperResult, expected.PaperResult);
        Compare("counts_online", row.CountsOnline, expected.CountsOnline);
        Compare("counts_e_result", row.CountsEResult, expected.CountsEResult);
        Compare("counts_digitised", row.CountsDigitised, expected.CountsDigitised);

        var stored = tasks.ToDictionary(t => t.TaskId, StringComparer.Ordinal);
        foreach (var task in folded.Tasks)
        {
            var want = new TaskRow { CaseId = row.Id, TaskId = task.Id };
            CaseRows.Fill(want, task, calendar);
            if (!stored.Remove(task.Id, out var have))
            {
                differences.Add($"task {task.Id} ({task.Step.Value}) is on the trail but has no row");
                continue;
            }

            var prefix = $"task {task.Id} ";
            Compare(prefix + "step", have.Step, want.Step);
            Compare(prefix + "unit", have.Unit, want.Unit);
            Compare(prefix + "role", have.Role, want.Role);
            Compare(prefix + "status", have.Status, want.Status);
            Compare(prefix + "activated_at", have.ActivatedAt, want.ActivatedAt);
            Compare(prefix + "due", have.Due, want.Due);
            Compare(prefix + "completed_at", have.CompletedAt, want.CompletedAt);
            Compare(prefix + "action", have.Action, want.Action);
            Compare(prefix + "working_hours", have.WorkingHours, want.WorkingHours);
        }

        differences.AddRange(stored.Keys.Order(StringComparer.Ordinal)
            .Select(id => $"task {id} has a row but is not on the trail"));
        return differences;

        void Compare<T>(string column, T have, T want)
        {
            if (!EqualityComparer<T>.Default.Equals(have, want))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{column} is {Shown(have)} in the snapshot but {Shown(want)} by the trail"));
            }
        }
    }

    private static string Shown<T>(T value) => value switch
    {
        null => "empty",
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "empty",
    };
}
