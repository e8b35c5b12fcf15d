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

    /// <summary>Rows read so far (after the header).</summary>
    public int Rows { get; private set; }

    /// <summary>
    /// The header's column names, upper-cased; null when the file is empty or unreadable, or lacks one of
    /// <paramref name="required"/> (each reported). <paramref name="item"/> names what a row is, e.g. "employee".
    /// </summary>
    public async Task<HashSet<string>?> ReadHeaderAsync(List<ImportProblem> problems, IReadOnlyCollection<string> required, string item)
    {
        var read = await TryReadAsync(problems);
        if (read is null)
            return null;
        if (read == false)
        {
            problems.Add(new ImportProblem(1, "", $"The file is empty: a header row and one row per {item} are expected."));
            return null;
        }

        Reader.ReadHeader();
        var header = Reader.HeaderRecord!.Select(h => h.Trim().ToUpperInvariant()).ToHashSet();
        var missing = required.Where(r => !header.Contains(r.ToUpperInvariant())).ToList();
        if (missing.Count == 0)
            return header;
        problems.Add(new ImportProblem(1, string.Join(",", missing), $"Missing column(s): {string.Join(", ", missing)}."));
        return null;
    }

    /// <summary>The line number of each row after the header, with <see cref="Reader"/> on it, until the end or a problem.</summary>
    public async IAsyncEnumerable<int> RowsAsync(List<ImportProblem> problems, string items,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = await TryReadAsync(problems);
            if (next is null)
                yield break;
            if (!next.Value)
            {
                if (Rows == 0 && problems.Count == 0)
                    problems.Add(new ImportProblem(1, "", $"The file has a header but no {items}."));
                yield break;
            }

            Rows++;
            yield return Reader.Parser.RawRow;
        }
    }

    /// <summary>True for a row, false at the end, null when the file cannot be read further (reported).</summary>
    private async Task<bool?> TryReadAsync(List<ImportProblem> problems)
    {
        try
        {
            return await Reader.ReadAsync();
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(Rows + 2, "", "The file is not UTF-8 text: save it as UTF-8 and import again."));
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
