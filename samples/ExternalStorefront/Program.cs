using ExternalStorefront;

// dotnet run --project samples/ExternalStorefront -- http://localhost:5080 <storefront API key>
var url = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("INTERNALSTORE_URL") ?? "http://localhost:5080";
var key = args.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("INTERNALSTORE_API_KEY");
if (string.IsNullOrWhiteSpace(key))
{
    Console.Error.WriteLine("usage: ExternalStorefront [URL] API_KEY   (create a key with: internalstore apikey create storefront)");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(url) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);
var comparison = await StorefrontCheck.CompareAsync(http, [("LAP-13", 1), ("TSH-01", 3), ("BLK-01", 2), ("COF-1K", 2)]);
Console.WriteLine(comparison.Report);
return comparison.Agree ? 0 : 1;
