using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using InternalStore.Application.People;

namespace InternalStore.Application.Common;

/// <summary>
/// What the store's CSV imports read alike (CsvHelper): UTF-8 strictly, a header row matched without regard to case or
/// surrounding spaces, fields of at most 10 000 characters; a file that cannot be read further becomes one problem on
/// its line, never an exception.
/// </summary>
public sealed class CsvUpload : IDisposable
{
    public const int MaxFieldLength = 10_000;

    private readonly StreamReader _text;

    public CsvUpload(Stream csv)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(),
            MaxFieldSize = MaxFieldLength,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        _text = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        Reader = new CsvReader(_text, config);
    }

    public CsvReader Reader { get; }

    /// <summary>The header's column names, upper-cased; null when the file is empty or unreadable (reported).</summary>
    public async Task<HashSet<string>?> ReadHeaderAsync(List<ImportProblem> problems, string empty)
    {
        var read = await TryReadAsync(problems, 0);
        if (read is null)
            return null;
        if (read == false)
        {
            problems.Add(new ImportProblem(1, "", empty));
            return null;
        }

        Reader.ReadHeader();
        return Reader.HeaderRecord!.Select(h => h.Trim().ToUpperInvariant()).ToHashSet();
    }

    /// <summary>True for a row, false at the end, null when the file cannot be read further (reported).</summary>
    public async Task<bool?> TryReadAsync(List<ImportProblem> problems, int rowsSoFar)
    {
        try
        {
            return await Reader.ReadAsync();
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(rowsSoFar + 2, "", "The file is not UTF-8 text: save it as UTF-8 and import again."));
        }
        catch (CsvHelperException ex) when (ex is MaxFieldSizeException or ParserException or ReaderException)
        {
            problems.Add(new ImportProblem(Reader.Parser.RawRow, "", "A field is malformed or longer than 10 000 characters."));
        }

        return null;
    }

    public void Dispose()
    {
        Reader.Dispose();
        _text.Dispose();
    }
}
