namespace ScreeningBot.Bot.Hosting;

/// <summary>Headers for a page or download that holds personal data (a report, a candidate export): never cached, framed or sent on as a referrer.</summary>
internal static class PrivateResponse
{
    public static void Protect(HttpResponse response, string contentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
    }
}
