using System.Text;

namespace MapDashboard.Tools.Bench;

/// <summary>Writes a benchmark's figures to the console and to a file beside its screenshots.</summary>
public sealed class TeeWriter(TextWriter console, string path) : TextWriter
{
    readonly StreamWriter _file = new(path, append: false, new UTF8Encoding(false)) { AutoFlush = true };

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        console.Write(value);
        _file.Write(value);
    }

    public override void Write(string? value)
    {
        console.Write(value);
        _file.Write(value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
