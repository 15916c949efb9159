using System.Security;

namespace OneStopWorkflow.Hosting.Audit.Export;

/// <summary>The parts of an XLSX workbook besides its sheets: content types, relationships, workbook, styles.</summary>
internal static class XlsxPackage
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string Declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\n";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    /// <summary>The least stylesheet Excel accepts, with a second cell format in bold for the header.</summary>
    public const string Styles =
        $"""<styleSheet xmlns="{Main}">"""
        + """<fonts count="2"><font/><font><b/></font></fonts>"""
        + """<fills count="2"><fill><patternFill patternType="none"/></fill>"""
        + """<fill><patternFill patternType="gray125"/></fill></fills>"""
        + """<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>"""
        + """<cellXfs count="2"><xf/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>""";

    public static string SheetPath(int sheet) => $"xl/worksheets/sheet{sheet}.xml";

    /// <summary>Each part's path in the zip and its content, in the order they are written after the sheets.</summary>
    public static IEnumerable<(string Path, string Content)> Parts(IReadOnlyList<string> sheetNames)
    {
        ArgumentNullException.ThrowIfNull(sheetNames);
        yield return ("[Content_Types].xml", Declaration + ContentTypesPart(sheetNames.Count));
        yield return ("_rels/.rels", Declaration + PackageRelationshipsPart);
        yield return ("xl/workbook.xml", Declaration + WorkbookPart(sheetNames));
        yield return ("xl/_rels/workbook.xml.rels", Declaration + WorkbookRelationshipsPart(sheetNames.Count));
        yield return ("xl/styles.xml", Declaration + Styles);
    }

    private const string PackageRelationshipsPart =
        $"""<Relationships xmlns="{Relationships}">"""
        + $"""<Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/>"""
        + "</Relationships>";

    private static string ContentTypesPart(int sheets) =>
        $"""<Types xmlns="{ContentTypes}">"""
        + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
        + """<Default Extension="xml" ContentType="application/xml"/>"""
        + $"""<Override PartName="/xl/workbook.xml" ContentType="{SpreadsheetType}.sheet.main+xml"/>"""
        + $"""<Override PartName="/xl/styles.xml" ContentType="{SpreadsheetType}.styles+xml"/>"""
        + string.Concat(Enumerable.Range(1, sheets).Select(n =>
            $"""<Override PartName="/{SheetPath(n)}" ContentType="{SpreadsheetType}.worksheet+xml"/>"""))
        + "</Types>";

    private static string WorkbookPart(IReadOnlyList<string> sheetNames) =>
        $"""<workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets>"""
        + string.Concat(sheetNames.Select((name, i) =>
            $"""<sheet name="{SecurityElement.Escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))
        + "</sheets></workbook>";

    private static string WorkbookRelationshipsPart(int sheets) =>
        $"""<Relationships xmlns="{Relationships}">"""
        + string.Concat(Enumerable.Range(1, sheets).Select(n =>
            $"""<Relationship Id="rId{n}" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet{n}.xml"/>"""))
        + $"""<Relationship Id="rIdStyles" Type="{OfficeRelationships}/styles" Target="styles.xml"/>"""
        + "</Relationships>";
}
