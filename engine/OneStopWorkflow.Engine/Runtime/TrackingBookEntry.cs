namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Where a case is entered in the receiving unit's tracking book (Mẫu 07) for the year of receipt: the volume
/// (quyển số) and the order number in that year (số thứ tự), which continues across volumes within a year
/// (Circular 01/2018 Art. 10). The receipt (Mẫu 01) prints it; the store hands it out.
/// </summary>
public sealed record TrackingBookEntry(int Volume, int Number);
