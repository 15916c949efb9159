namespace OneStopWorkflow.Engine.Refusals;

/// <summary>
/// The codes of refusals that cross layers: the web app maps them to HTTP statuses, pages to the field they
/// concern, and tests to outcomes. Codes are stable; their messages live in the text of each language.
/// </summary>
public static class RejectionCodes
{
    public const string Unauthenticated = "unauthenticated";
    public const string SignInFailed = "sign-in-failed";
    public const string TooManyAttempts = "too-many-attempts";
    public const string Forbidden = "forbidden";
    public const string ReadOnly = "read-only";
    public const string NotAuthorized = "not-authorized";
    public const string NotFound = "not-found";
    public const string NoMatch = "no-match";
    public const string LookupLimited = "lookup-limited";
    public const string CaseChanged = "case-changed";
    public const string AccountChanged = "account-changed";
    public const string CaseExists = "case-exists";
    public const string CaseMissing = "case-missing";
    public const string CaseFinished = "case-finished";
    public const string TimeBackwards = "time-backwards";
    public const string CalendarYearMissing = "calendar-year-missing";
    public const string ProcedureUnknown = "procedure-unknown";
    public const string UnknownUnit = "unknown-unit";
    public const string NotReceivable = "not-receivable";
    public const string NotOnline = "not-online";
    public const string ScanRequired = "scan-required";
    public const string ScanInvalid = "scan-invalid";
    public const string ScanTooLarge = "scan-too-large";
    public const string DossierTooLarge = "dossier-too-large";
    public const string SubmissionLimited = "submission-limited";
    public const string UnknownField = "unknown-field";
    public const string FieldRequired = "field-required";
    public const string FieldInvalid = "field-invalid";
    public const string ComponentInvalid = "component-invalid";
    public const string ComponentsMissing = "components-missing";
    public const string ReasonRequired = "reason-required";
    public const string BadDate = "bad-date";
    public const string OutsideCalendar = "outside-calendar";
    public const string NoOpenTask = "no-open-task";
    public const string AmbiguousTask = "ambiguous-task";
    public const string UnknownAction = "unknown-action";
    public const string GuardFailed = "guard-failed";
    public const string NotWaiting = "not-waiting";
    public const string WaitingForApplicant = "waiting-for-applicant";
    public const string NotAProvinceUnit = "not-a-province-unit";
    public const string AlreadyRescheduled = "already-rescheduled";
    public const string RoutingLoop = "routing-loop";
    public const string RoutingFailed = "routing-failed";
    public const string RuleFailed = "rule-failed";
    public const string NotFinished = "not-finished";
    public const string BadRating = "bad-rating";
    public const string AlreadyRated = "already-rated";
    public const string BadVisit = "bad-visit";
    public const string TicketState = "ticket-state";
    public const string QueueEmpty = "queue-empty";
    public const string BadCounter = "bad-counter";
    public const string BadRequest = "bad-request";
    public const string ImportRefused = "import-refused";

    /// <summary>The database cannot be reached or is too busy now; nothing was written, retry later.</summary>
    public const string StoreUnavailable = "store-unavailable";

    /// <summary>The database's disk is full; nothing was written, reads still work; retry once there is room.</summary>
    public const string StoreFull = "store-full";
}
