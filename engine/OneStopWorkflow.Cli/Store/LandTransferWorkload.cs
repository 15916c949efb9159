using System.Collections.Immutable;

namespace OneStopWorkflow.Cli.Store;

/// <summary>The dossier every case of <c>onestop bench</c> and <c>onestop seed</c> is received with.</summary>
internal static class LandTransferWorkload
{
    public static readonly ImmutableDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["applicant_name"] = "Nguyễn Văn An", ["applicant_id_number"] = "031080001234", ["applicant_address"] = "12 Tô Hiệu",
        ["applicant_phone"] = "0912345678", ["applicant_kind"] = "individual", ["transferee_name"] = "Trần Thị Bình",
        ["parcel_number"] = "215", ["map_sheet"] = "18", ["area_m2"] = "84.5", ["certificate_number"] = "CS 012345",
        ["contract_date"] = "2026-02-27",
    }.ToImmutableDictionary();
}
