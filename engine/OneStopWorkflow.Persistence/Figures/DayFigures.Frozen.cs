namespace OneStopWorkflow.Persistence.Figures;

public static partial class DayFigures
{
    /// <summary>
    /// The recount as the <c>ComplianceFigures</c> migration ran it, frozen: a migration must run the statements of its
    /// own schema, not <see cref="RebuildSql"/>, which names the columns later migrations add.
    /// </summary>
    internal static IReadOnlyList<string> RebuildSqlOfComplianceFigures { get; } =
    [
        "DELETE FROM step_figures",
        "DELETE FROM case_figures",
        """
        INSERT INTO case_figures (unit, procedure_code, day, received, handled, early, on_time, late, withdrawn, online,
            escalations, rated, rating_sum)
        SELECT c.receiving_unit, c.procedure_code, c.received_day, COUNT(*),
            SUM(CASE WHEN c.appointment IS NOT NULL AND (c.outcome IS NULL OR c.outcome <> 'Withdrawn')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.timeliness = 'early' AND (c.outcome IS NULL OR c.outcome <> 'Withdrawn')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.timeliness = 'on-time' AND (c.outcome IS NULL OR c.outcome <> 'Withdrawn')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.timeliness = 'late' AND (c.outcome IS NULL OR c.outcome <> 'Withdrawn')
                THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.outcome = 'Withdrawn' THEN 1 ELSE 0 END),
            SUM(CASE WHEN c.channel = 'online' THEN 1 ELSE 0 END),
            COALESCE(SUM(e.fired), 0), COUNT(r.case_id), COALESCE(SUM(r.score), 0)
        FROM cases c
        LEFT JOIN (SELECT case_id, COUNT(*) AS fired FROM escalation_claims GROUP BY case_id) e ON e.case_id = c.id
        LEFT JOIN ratings r ON r.case_id = c.id
        GROUP BY c.receiving_unit, c.procedure_code, c.received_day
        """,
        """
        INSERT INTO step_figures (unit, procedure_code, day, step, done, within_due, hours, timed)
        SELECT c.receiving_unit, c.procedure_code, c.received_day, t.step, COUNT(*),
            SUM(CASE WHEN t.completed_at <= t.due THEN 1 ELSE 0 END), COALESCE(SUM(t.working_hours), 0),
            COUNT(t.working_hours)
        FROM tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.status = 'Completed' AND t.due IS NOT NULL
        GROUP BY c.receiving_unit, c.procedure_code, c.received_day, t.step
        """,
    ];
}
