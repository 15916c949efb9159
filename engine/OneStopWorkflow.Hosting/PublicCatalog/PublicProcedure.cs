using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// A procedure as the public catalogue lists it: its current published version's national code, title, who may
/// receive it, its statutory time and whether it is offered online.
/// </summary>
public sealed record PublicProcedure(
    string Code, int Version, string? NationalCode, LocalizedText Title, ImmutableArray<PublicLevel> ReceivedAt,
    StatutoryTime Time, bool Online);

/// <summary>A level whose units may receive the procedure ("Cấp xã"), with those units.</summary>
public sealed record PublicLevel(string Level, LocalizedText Name, ImmutableArray<PublicUnit> Units);

/// <summary>A unit of the jurisdiction tree as citizens read it.</summary>
public sealed record PublicUnit(string Code, LocalizedText Name, string Level);

/// <summary>
/// The time the law gives, in words ("8 ngày làm việc"), and as a number of working days (null for the same
/// working day).
/// </summary>
public sealed record StatutoryTime(LocalizedText Words, decimal? WorkingDays, bool SameDay);
