namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Response headers of every interview-link response. The page runs only its own files (no inline code, and DOM sinks that
/// parse HTML are blocked by Trusted Types, so candidate text can only ever be text), is never framed, cached or indexed,
/// and never sends its address, which holds the token, as a referrer. No cookies are set.
/// </summary>
internal static class InterviewLinkHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

    public static void Apply(HttpResponse response, bool cacheable = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers.CacheControl = cacheable ? "no-cache" : "no-store";
    }
}
