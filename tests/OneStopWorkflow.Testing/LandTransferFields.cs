using System.Collections.Immutable;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Testing;

/// <summary>A complete land-use-transfer dossier, as a clerk would type it at the counter.</summary>
public static class LandTransferFields
{
    public static readonly ImmutableDictionary<string, string> Complete = new Dictionary<string, string>
    {
        ["applicant_name"] = "Nguyễn Văn An", ["applicant_id_number"] = "031080001234",
        ["applicant_address"] = "12 Tô Hiệu, Lê Chân", ["applicant_kind"] = "individual",
        ["transferee_name"] = "Trần Thị Bình", ["parcel_number"] = "215", ["map_sheet"] = "18",
        ["area_m2"] = "84.5", ["certificate_number"] = "CS 012345", ["contract_date"] = "2026-02-27",
    }.ToImmutableDictionary();

    /// <summary>The papers of a complete dossier: the three required ones, each an original.</summary>
    public static readonly ImmutableArray<ReceivedComponent> Components =
        [new("form-18", "original", 1), new("certificate", "original", 1), new("contract", "original", 1)];

    /// <summary><see cref="Components"/> as the HTTP API takes them.</summary>
    public static readonly IReadOnlyList<object> ComponentsJson =
        [.. Components.Select(c => new { component = c.Component, form = c.Form, quantity = c.Quantity })];
}
