using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Nrml;

/// <summary>
/// Namespace-agnostic helpers over NRML XML (0.4 and 0.5 differ only in namespace and grouping): element lookup by
/// local name and number parsing that names the file, record and element/attribute on failure.
/// </summary>
internal sealed class NrmlXml
{
    public NrmlXml(string path) => Path = path;

    public string Path { get; }

    public static XDocument Load(string path)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "file not found");
        try
        {
            return XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new QuakeGridInputException(path, $"line {e.LineNumber}", null, $"malformed XML: {e.Message}", e);
        }
    }

    public static string Line(XObject node) =>
        node is IXmlLineInfo li && li.HasLineInfo() ? $" (line {li.LineNumber})" : "";

    public static IEnumerable<XElement> Children(XElement e, string localName) =>
        e.Elements().Where(c => c.Name.LocalName == localName);

    public static XElement? Child(XElement e, string localName) => Children(e, localName).FirstOrDefault();

    public XElement Required(XElement parent, string localName, string record)
    {
        var c = Child(parent, localName);
        if (c is null) throw new QuakeGridInputException(Path, record + Line(parent), localName, $"missing element <{localName}> in <{parent.Name.LocalName}>");
        return c;
    }

    /// <summary>The first descendant with the local name, or an error naming it.</summary>
    public XElement RequiredDescendant(XElement parent, string localName, string record)
    {
        var c = parent.Descendants().FirstOrDefault(d => d.Name.LocalName == localName);
        if (c is null) throw new QuakeGridInputException(Path, record + Line(parent), localName, $"missing element <{localName}> in <{parent.Name.LocalName}>");
        return c;
    }

    public double ElementDouble(XElement parent, string localName, string record) =>
        ParseDouble(Required(parent, localName, record).Value, record, localName, Required(parent, localName, record));

    public string RequiredAttribute(XElement e, string name, string record)
    {
        var a = e.Attribute(name);
        if (a is null) throw new QuakeGridInputException(Path, record + Line(e), name, $"missing attribute '{name}' on <{e.Name.LocalName}>");
        return a.Value;
    }

    public double AttributeDouble(XElement e, string name, string record) =>
        ParseDouble(RequiredAttribute(e, name, record), record, name, e);

    public double? OptionalAttributeDouble(XElement e, string name, string record) =>
        e.Attribute(name) is null ? null : ParseDouble(e.Attribute(name)!.Value, record, name, e);

    public double ParseDouble(string text, string record, string field, XObject where)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new QuakeGridInputException(Path, record + Line(where), field, $"'{text.Trim()}' is not a finite number");
    }

    public double[] ParseDoubles(string text, string record, string field, XObject where)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var r = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++) r[i] = ParseDouble(parts[i], record, field, where);
        return r;
    }
}
