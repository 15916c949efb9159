using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>A document model with every member filled, to try templates on when a version is loaded.</summary>
internal static class Specimen
{
    public static DocumentModel For(ProcedureDefinition procedure)
    {
        const string Sample = "…";
        var unit = new UnitInfo("UNIT", "Đơn vị", "Đơn vị cấp trên");
        return new DocumentModel
        {
            Form = "01", Title = "Tài liệu", DossierCode = "UNIT-260302-0001",
            Procedure = new ProcedureInfo(
                procedure.Code.Value, procedure.Version, procedure.Title.Vi, procedure.NationalCode ?? "", Sample),
            IssuingUnit = unit, ReceivingUnit = unit, Place = Sample,
            IssuedOn = "ngày 02 tháng 3 năm 2026", IssuedAt = "09 giờ 00 phút, ngày 02 tháng 3 năm 2026",
            Applicant = new ApplicantInfo(Sample, Sample, Sample, Sample),
            Fields = procedure.Fields.ToImmutableSortedDictionary(f => f.Name, _ => Sample, StringComparer.Ordinal),
            FieldList = [.. procedure.Fields.Select(f => new LabelledValue(f.Label.Vi, Sample))],
            Components =
                [new ComponentInfo(1, Sample, Sample, 1, true), new ComponentInfo(2, Sample, Sample, 1, false)],
            MissingComponents = [new ComponentInfo(1, Sample, Sample, 1, true)],
            Channel = Sample, ReceivedAt = Sample, Appointment = Sample, PromisedAppointment = Sample, Reason = Sample,
            Signatory = new Signatory(Sample, Sample, Sample, Sample),
            Lookup = new LookupInfo(Sample, Sample, Sample, "data:image/svg+xml;base64,"),
            Book = new BookInfo("01", "1"),
            HandOvers =
            [
                new HandOver(1, Sample, Sample, Sample, Sample, Sample, Sample),
                new HandOver(2, Sample, Sample, Sample, Sample, Sample, Sample),
            ],
        };
    }
}
