namespace InternalStore.Application.Common;

/// <summary>
/// An upload that is read twice (checked, then applied) but arrives as a stream that cannot seek is first
/// copied to a temporary file, deleted when closed; memory stays flat whatever the file's size.
/// </summary>
public static class UploadSpool
{
    public static async Task<FileStream?> SpoolUnlessSeekableAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        if (body.CanSeek)
            return null;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"internalstore-{name}-{Guid.NewGuid():N}.csv"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await body.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
